using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GradeLens.Core.Models;

/// <summary>
/// Accumulates Σ r·z (a gradient) and Σ s·z·zᵀ (a weighted Gram matrix, upper triangle) over rows z,
/// with SIMD over each row. Rows are padded to a multiple of the vector width; row 0 of z is the intercept's 1.
/// </summary>
internal sealed class WeightedGram
{
    private readonly int _p;
    private readonly int _width;
    private readonly double[] _gram;
    private readonly double[] _gradient;

    public WeightedGram(int p)
    {
        _p = p;
        _width = Width(p);
        _gram = new double[p * _width];
        _gradient = new double[_width];
    }

    /// <summary>Rows per block in <see cref="AddBlock"/>: each Gram entry is loaded and stored once per block, not once per row.</summary>
    public const int BlockRows = 8;

    public double Loss { get; set; }

    public static int Width(int p) => (p + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var sum = Vector<double>.Zero;
        for (var k = 0; k < va.Length; k++)
        {
            sum += va[k] * vb[k];
        }

        return Vector.Sum(sum);
    }

    /// <summary>Adds <paramref name="count"/> rows laid out one after another (each <see cref="Width"/> long) in <paramref name="block"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddBlock(double[] block, ReadOnlySpan<double> r, ReadOnlySpan<double> s, int count)
    {
        var vectors = _width / Vector<double>.Count;
        var z = MemoryMarshal.Cast<double, Vector<double>>(block.AsSpan(0, count * _width));
        var gradient = MemoryMarshal.Cast<double, Vector<double>>(_gradient.AsSpan());
        for (var k = 0; k < vectors; k++)
        {
            var sum = gradient[k];
            for (var t = 0; t < count; t++)
            {
                sum += new Vector<double>(r[t]) * z[(t * vectors) + k];
            }

            gradient[k] = sum;
        }

        Span<double> a = stackalloc double[BlockRows];
        var lanes = Vector<double>.Count;
        for (var j = 0; j < _p; j++)
        {
            for (var t = 0; t < count; t++)
            {
                a[t] = s[t] * block[(t * _width) + j];
            }

            var row = MemoryMarshal.Cast<double, Vector<double>>(_gram.AsSpan(j * _width, _width));
            for (var k = j / lanes; k < vectors; k++)
            {
                var sum = row[k];
                for (var t = 0; t < count; t++)
                {
                    sum += new Vector<double>(a[t]) * z[(t * vectors) + k];
                }

                row[k] = sum;
            }
        }
    }

    public void Merge(WeightedGram other)
    {
        for (var i = 0; i < _gram.Length; i++)
        {
            _gram[i] += other._gram[i];
        }

        for (var i = 0; i < _gradient.Length; i++)
        {
            _gradient[i] += other._gradient[i];
        }

        Loss += other.Loss;
    }

    public double[] Gradient() => _gradient[.._p];

    /// <summary>The full symmetric matrix from the accumulated upper triangle.</summary>
    public double[,] Hessian()
    {
        var h = new double[_p, _p];
        for (var j = 0; j < _p; j++)
        {
            for (var k = j; k < _p; k++)
            {
                h[j, k] = h[k, j] = _gram[(j * _width) + k];
            }
        }

        return h;
    }
}
