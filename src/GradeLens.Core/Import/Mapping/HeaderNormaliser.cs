using System.Globalization;
using System.Text;

namespace GradeLens.Core.Import.Mapping;

/// <summary>
/// Reduces a header (or a short value such as a subject name) to a comparison key, so that
/// "Math score", "math_score", "MATH-SCORE" and " Math  Score " are the same key ("mathscore").
/// </summary>
/// <remarks>
/// Lower-cases; strips Latin diacritics (é -> e) and Arabic tashkeel and tatweel; unifies the alef
/// forms (أ إ آ ٱ -> ا), ta marbuta (ة -> ه) and alef maqsura (ى -> ي); turns Arabic-Indic digits into
/// 0-9; removes everything that is not a letter or a digit (spaces, underscores, punctuation).
/// </remarks>
public static class HeaderNormaliser
{
    private const char _tatweel = '\u0640';

    public static string Normalise(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var decomposed = header.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || c == _tatweel)
            {
                // Latin accents, Arabic tashkeel and the hamza/madda left over from decomposing أ إ آ ؤ ئ.
                continue;
            }

            if (category == UnicodeCategory.DecimalDigitNumber)
            {
                key.Append((char)('0' + (int)CharUnicodeInfo.GetNumericValue(c)));
            }
            else if (char.IsLetter(c))
            {
                key.Append(UnifyArabicLetter(char.ToLowerInvariant(c)));
            }
        }

        return key.ToString();
    }

    private static char UnifyArabicLetter(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' => 'ي',
        _ => c,
    };
}
