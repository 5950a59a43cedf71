namespace EsusCheck.Storage.Tests.Support;

public static class Wait
{
    /// <summary>Polls until the condition holds; a condition never reached fails the test after a minute (a bound,
    /// not a timing assertion).</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The awaited condition was not reached within a minute.");
            await Task.Delay(10);
        }
    }
}
