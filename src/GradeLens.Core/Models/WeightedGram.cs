using System.Numerics;
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

    /// <summary>Adds one row: gradient += r·z; Gram += s·z·zᵀ (upper blocks only).</summary>
    public void Add(ReadOnlySpan<double> z, double r, double s)
    {
        var vz = MemoryMarshal.Cast<double, Vector<double>>(z);
        var gradient = MemoryMarshal.Cast<double, Vector<double>>(_gradient.AsSpan());
        var vr = new Vector<double>(r);
        for (var k = 0; k < vz.Length; k++)
        {
            gradient[k] += vr * vz[k];
        }

        var lanes = Vector<double>.Count;
        for (var j = 0; j < _p; j++)
        {
            var a = s * z[j];
            if (a == 0)
            {
                continue;
            }

            var va = new Vector<double>(a);
            var first = j / lanes;
            var row = MemoryMarshal.Cast<double, Vector<double>>(_gram.AsSpan(j * _width, _width));
            for (var k = first; k < row.Length; k++)
            {
                row[k] += va * vz[k];
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
