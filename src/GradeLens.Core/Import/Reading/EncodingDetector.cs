using System.Text;

namespace GradeLens.Core.Import.Reading;

/// <summary>A detected text encoding: the .NET encoding, its name for the report, and the BOM length to skip.</summary>
internal sealed record DetectedEncoding(Encoding Encoding, string Name, int BomLength)
{
    public bool IsUtf8 => Encoding.CodePage == 65001;
}

/// <summary>
/// Detects a text file's encoding from its first bytes: a byte-order mark, UTF-16 by its NUL pattern, strict
/// UTF-8, else Windows-1256 (Arabic: letters come in runs of high bytes) or Windows-1252 (Latin: accented
/// letters sit alone between ASCII letters). Returns null for binary content.
/// </summary>
internal static class EncodingDetector
{
    static EncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DetectedEncoding? Detect(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((byte[])[0xEF, 0xBB, 0xBF]))
        {
            return LooksBinary(sample[3..]) ? null : new(new UTF8Encoding(false), "UTF-8 (BOM)", 3);
        }

        if (sample.StartsWith((byte[])[0xFF, 0xFE]))
        {
            return new(Encoding.Unicode, "UTF-16LE", 2);
        }

        if (sample.StartsWith((byte[])[0xFE, 0xFF]))
        {
            return new(Encoding.BigEndianUnicode, "UTF-16BE", 2);
        }

        if (Utf16WithoutBom(sample) is { } utf16)
        {
            return utf16;
        }

        if (LooksBinary(sample))
        {
            return null;
        }

        if (IsUtf8(sample))
        {
            return new(new UTF8Encoding(false), "UTF-8", 0);
        }

        return ArabicRunShare(sample) >= 0.5
            ? new(Encoding.GetEncoding(1256), "Windows-1256", 0)
            : new(Encoding.GetEncoding(1252), "Windows-1252", 0);
    }

    private static DetectedEncoding? Utf16WithoutBom(ReadOnlySpan<byte> sample)
    {
        var pairs = Math.Min(sample.Length / 2, 2048);
        if (pairs < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        return oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05 ? new(Encoding.Unicode, "UTF-16LE", 0)
            : evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05 ? new(Encoding.BigEndianUnicode, "UTF-16BE", 0)
            : null;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> sample)
    {
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1A))
            {
                control++;
            }
        }

        return control > sample.Length / 100 + 1;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> sample)
    {
        // Do not judge a multi-byte character cut by the end of the sample.
        var end = sample.Length;
        for (var back = 1; back <= 3 && end - back >= 0; back++)
        {
            if ((sample[end - back] & 0xC0) == 0xC0)
            {
                end -= back;
                break;
            }

            if ((sample[end - back] & 0x80) == 0)
            {
                break;
            }
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(sample[..end]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Share of high bytes that stand next to another high byte (Arabic words) rather than alone (Latin accents).</summary>
    private static double ArabicRunShare(ReadOnlySpan<byte> sample)
    {
        int high = 0, inRuns = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] < 0x80)
            {
                continue;
            }

            high++;
            var before = i > 0 && sample[i - 1] >= 0x80;
            var after = i + 1 < sample.Length && sample[i + 1] >= 0x80;
            inRuns += before || after ? 1 : 0;
        }

        return high == 0 ? 0 : (double)inRuns / high;
    }
}
