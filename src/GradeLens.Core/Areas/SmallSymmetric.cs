namespace GradeLens.Core.Areas;

/// <summary>The inverse of a small symmetric positive-definite matrix by Cholesky, without allocating a matrix object per call.</summary>
internal static class SmallSymmetric
{
    /// <summary>A⁻¹, or null when A is not (numerically) positive definite.</summary>
    public static double[,]? Inverse(double[,] a)
    {
        var p = a.GetLength(0);
        var l = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var diagonal = a[j, j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= l[j, k] * l[j, k];
            }

            if (!(diagonal > 1e-14 * Math.Abs(a[j, j])))
            {
                return null;
            }

            l[j, j] = Math.Sqrt(diagonal);
            for (var i = j + 1; i < p; i++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = sum / l[j, j];
            }
        }

        // Columns of L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹.
        var li = new double[p, p];
        for (var c = 0; c < p; c++)
        {
            for (var i = c; i < p; i++)
            {
                var sum = i == c ? 1.0 : 0.0;
                for (var k = c; k < i; k++)
                {
                    sum -= l[i, k] * li[k, c];
                }

                li[i, c] = sum / l[i, i];
            }
        }

        var inverse = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.0;
                for (var k = i; k < p; k++)
                {
                    sum += li[k, i] * li[k, j];
                }

                inverse[i, j] = inverse[j, i] = sum;
            }
        }

        return inverse;
    }
}
