using System.Text;

namespace EsusCheck.Registries.Spreadsheets;

/// <summary>How the bytes of a CSV file are to be read and how its results are to be written back. <see cref="Ascii"/>
/// reads as UTF-8 and any other tool's encoding alike; its results, which hold accents, are written in UTF-8 with a BOM
/// so that a spreadsheet recognises them.</summary>
public enum TextEncodingKind { Utf8, Utf8Bom, Windows1252, Utf16LittleEndian, Utf16BigEndian, Mixed, Ascii }

public static class TextEncodings
{
    public static Encoding Windows1252 { get; } = GetWindows1252();

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    public static Encoding ForReading(TextEncodingKind kind) => kind switch
    {
        TextEncodingKind.Windows1252 => Windows1252,
        TextEncodingKind.Utf16LittleEndian => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        TextEncodingKind.Utf16BigEndian => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        TextEncodingKind.Mixed => Utf8WithWindows1252Fallback(),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    /// <summary>The results are written as the input was, so that the buyer's spreadsheet opens them the same way;
    /// a file mixing encodings is written in UTF-8 with a BOM, which holds every character.</summary>
    public static Encoding ForWriting(TextEncodingKind kind) => kind switch
    {
        TextEncodingKind.Utf8 => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        TextEncodingKind.Windows1252 => Windows1252,
        TextEncodingKind.Utf16LittleEndian => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        TextEncodingKind.Utf16BigEndian => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
    };

    public static string Describe(TextEncodingKind kind) => kind switch
    {
        TextEncodingKind.Utf8 => "UTF-8",
        TextEncodingKind.Utf8Bom => "UTF-8 avec BOM",
        TextEncodingKind.Windows1252 => "Windows-1252",
        TextEncodingKind.Utf16LittleEndian => "UTF-16 (little-endian)",
        TextEncodingKind.Utf16BigEndian => "UTF-16 (big-endian)",
        TextEncodingKind.Ascii => "ASCII (sans accent ; résultats écrits en UTF-8 avec BOM)",
        _ => "mélange d'UTF-8 et de Windows-1252",
    };

    /// <summary>Valid UTF-8 sequences are read as UTF-8 and every other byte as Windows-1252: each line of a file
    /// that was appended to from two different tools reads correctly.</summary>
    public static Encoding Utf8WithWindows1252Fallback()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = new Windows1252DecoderFallback();
        return encoding;
    }

    private sealed class Windows1252DecoderFallback : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private readonly char[] _chars = new char[8];
            private int _count;
            private int _position;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _count = Windows1252.GetChars(bytesUnknown, 0, Math.Min(bytesUnknown.Length, _chars.Length), _chars, 0);
                _position = 0;
                return _count > 0;
            }

            public override char GetNextChar() => _position < _count ? _chars[_position++] : '\0';

            public override bool MovePrevious()
            {
                if (_position == 0) return false;
                _position--;
                return true;
            }

            public override int Remaining => _count - _position;

            public override void Reset()
            {
                _count = 0;
                _position = 0;
            }
        }
    }
}
