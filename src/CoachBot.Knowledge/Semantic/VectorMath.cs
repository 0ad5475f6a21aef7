namespace CoachBot.Knowledge.Semantic;

/// <summary>Small vector helpers for unit-length embeddings.</summary>
public static class VectorMath
{
    /// <summary>The dot product: the cosine similarity for unit-length vectors.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
