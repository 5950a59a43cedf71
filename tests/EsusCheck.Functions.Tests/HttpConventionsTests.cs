using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using EsusCheck.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Tests;

/// <summary>One way to write an HTTP function: named and routed by constants, answering through <see cref="HttpGuard"/>.
/// These tests read the functions' compiled code and source, so that a function added another way fails here.</summary>
public sealed partial class HttpConventionsTests
{
    /// <summary>Deliberate exceptions, with the reason. <c>Mcp</c>: its file belongs to the MCP rewrite on the official SDK
    /// (issue 15, item 3), which puts it behind the guard; until then it limits its POSTs and its handler answers every
    /// error itself.</summary>
    private static readonly string[] NotGuarded = [ApiOperations.Mcp];

    private static IEnumerable<(string Name, MethodInfo Method)> HttpFunctions() =>
        typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
            .Select(m => (m.GetCustomAttribute<FunctionAttribute>()!.Name, m));

    [Fact]
    public void Every_http_function_answers_through_the_guard()
    {
        var functions = HttpFunctions().ToList();
        Assert.NotEmpty(functions);
        var unguarded = functions.Where(f => !NotGuarded.Contains(f.Name) && !CallsGuard(f.Method)).Select(f => f.Name).ToList();
        Assert.Empty(unguarded);
    }

    /// <summary>The reader finds the guard where it is (so that the test above can fail), and only there.</summary>
    [Fact]
    public void The_guard_reader_tells_a_guarded_function_from_one_that_is_not()
    {
        Assert.True(CallsGuard(typeof(HealthFunction).GetMethod(nameof(HealthFunction.Run))!));
        Assert.True(CallsGuard(typeof(EligibilityFunctions).GetMethod(nameof(EligibilityFunctions.Check))!));
        Assert.False(CallsGuard(typeof(OpenApiFunction).GetMethod(nameof(OpenApiFunction.ServerUrl))!));
    }

    /// <summary>An exception that is no longer needed (the function now calls the guard) is removed from the list.</summary>
    [Fact]
    public void Each_exception_is_a_function_that_still_needs_it()
    {
        Assert.All(NotGuarded, name => Assert.False(CallsGuard(HttpFunctions().Single(f => f.Name == name).Method),
            $"{name} now answers through HttpGuard: remove it from NotGuarded (and McpFunction.cs from the literal check if it uses ApiOperations.Mcp)."));
    }

    /// <summary>Function names and routes come from <see cref="ApiOperations"/>, <see cref="ApiRoutes"/> or a constant of
    /// the function class, never from a literal written in the attribute.</summary>
    [Fact]
    public void No_function_name_or_route_is_written_as_a_literal()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "functions", "EsusCheck.Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);
        var literals = sources
            // The MCP function's file belongs to the MCP rewrite (see NotGuarded).
            .Where(f => Path.GetFileName(f) != "McpFunction.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => LiteralNameOrRoute().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();
        Assert.Empty(literals);
    }

    [GeneratedRegex("""\[Function\(\s*"|Route\s*=\s*"|Trigger\(\s*"[^%]""")]
    private static partial Regex LiteralNameOrRoute();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EsusCheck.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("EsusCheck.sln not found above the test binaries.");
    }

    /// <summary>Whether the method (or, for an async method, its state machine) calls one of <see cref="HttpGuard"/>'s
    /// <c>Run…</c> methods, read from its IL.</summary>
    private static bool CallsGuard(MethodInfo method)
    {
        var body = method.GetCustomAttribute<AsyncStateMachineAttribute>() is { } machine
            ? machine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic)!
            : (MethodBase)method;
        return CalledMethods(body).Any(m => m.DeclaringType == typeof(HttpGuard) && m.Name.StartsWith("Run", StringComparison.Ordinal));
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var opCode = OpCodesByValue[value];
            i += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
                yield return method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, null)!;
            i += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }
}
