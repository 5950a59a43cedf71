namespace EsusCheck.Registries.Spreadsheets;

/// <summary>Counts, over a whole byte stream fed in pieces, what decides the encoding: invalid UTF-8 bytes, valid
/// multi-byte sequences, and the sequences French text produces in UTF-8 (Latin-1 letters, typographic quotes,
/// the euro sign), which Windows-1252 text almost never contains by accident.</summary>
public sealed class Utf8Census
{
    private int _pending;
    private int _lead;
    private int _second;
    private int _position;

    public long InvalidBytes { get; private set; }
    public long MultiByteSequences { get; private set; }
    public long FrenchSequences { get; private set; }
    public long NonWhitespaceBytes { get; private set; }

    /// <summary>The stream ended inside a multi-byte sequence (a truncated file).</summary>
    public bool EndsInsideSequence => _pending > 0;

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not (0x20 or 0x09 or 0x0A or 0x0D or 0xEF or 0xBB or 0xBF)) NonWhitespaceBytes++;
            if (_pending > 0)
            {
                if (IsValidContinuation(b))
                {
                    _position++;
                    if (_position == 2) _second = b;
                    if (--_pending == 0) Completed();
                    continue;
                }
                InvalidBytes += _position;
                _pending = 0;
            }
            Start(b);
        }
    }

    private bool IsValidContinuation(byte b)
    {
        if ((b & 0xC0) != 0x80) return false;
        if (_position != 1) return true;
        return _lead switch
        {
            0xE0 => b >= 0xA0,
            0xED => b <= 0x9F,
            0xF0 => b >= 0x90,
            0xF4 => b <= 0x8F,
            _ => true,
        };
    }

    private void Start(byte b)
    {
        if (b < 0x80) return;
        _lead = b;
        _position = 1;
        _pending = b switch
        {
            >= 0xC2 and <= 0xDF => 1,
            >= 0xE0 and <= 0xEF => 2,
            >= 0xF0 and <= 0xF4 => 3,
            _ => 0,
        };
        if (_pending == 0) InvalidBytes++;
    }

    private void Completed()
    {
        MultiByteSequences++;
        if (_lead == 0xC3 || (_lead == 0xC2 && _second is 0xA0 or 0xAB or 0xBB) || (_lead == 0xE2 && _second == 0x80) ||
            (_lead == 0xE2 && _second == 0x82) || (_lead == 0xC5 && _second == 0x93))
            FrenchSequences++;
    }
}
