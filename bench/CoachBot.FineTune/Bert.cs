using TorchSharp;
using static TorchSharp.torch;
using Onnx;

/// MiniLM-L6 (BERT, 6 layers, 384, 12 heads) in TorchSharp, weights read from the ONNX file, with LoRA adapters.
public sealed class Bert
{
    public readonly Dictionary<string, Tensor> W = new();
    public readonly List<(string Name, Tensor A, Tensor B)> Lora = new();
    public readonly Dictionary<string, string> MatMulNames = new(); // our name -> onnx initializer name
    public int Rank; public float Scale;

    public Bert(ModelProto model, int rank, float alpha)
    {
        Rank = rank; Scale = rank > 0 ? alpha / rank : 0;
        var inits = model.Graph.Initializer.ToDictionary(i => i.Name);
        foreach (var init in model.Graph.Initializer.Where(i => i.DataType == 1))
        {
            var data = new float[init.RawData.Length / 4];
            Buffer.BlockCopy(init.RawData.ToByteArray(), 0, data, 0, init.RawData.Length);
            W[init.Name] = torch.tensor(data, init.Dims.ToArray());
        }
        // MatMul nodes with an initializer as second input, in node order: q,k,v,o,i,out per layer.
        var mm = model.Graph.Node.Where(n => n.OpType == "MatMul" && inits.ContainsKey(n.Input[1])).Select(n => n.Input[1]).ToList();
        if (mm.Count != 36) throw new InvalidOperationException($"expected 36 weight MatMuls, found {mm.Count}");
        string[] kinds = ["q", "k", "v", "o", "i", "out"];
        for (var l = 0; l < 6; l++)
            for (var j = 0; j < 6; j++)
                MatMulNames[$"{l}.{kinds[j]}"] = mm[l * 6 + j];
        torch.manual_seed(13);
        if (rank > 0)
            foreach (var (name, onnxName) in MatMulNames)
            {
                var w = W[onnxName]; // [in, out]
                var a = new TorchSharp.Modules.Parameter(torch.randn(w.shape[0], rank) * (1.0 / Math.Sqrt(w.shape[0])), true);
                var b = new TorchSharp.Modules.Parameter(torch.zeros(rank, w.shape[1]), true);
                Lora.Add((name, a, b));
            }
    }

    public IEnumerable<TorchSharp.Modules.Parameter> Parameters() => Lora.SelectMany(l => new[] { (TorchSharp.Modules.Parameter)l.A, (TorchSharp.Modules.Parameter)l.B });

    Tensor Lin(Tensor x, int layer, string kind, string bias)
    {
        var name = $"{layer}.{kind}";
        var y = x.matmul(W[MatMulNames[name]]) + W[bias];
        if (Rank > 0)
        {
            var l = Lora[layer * 6 + Array.IndexOf(new[] { "q", "k", "v", "o", "i", "out" }, kind)];
            y = y + x.matmul(l.A).matmul(l.B) * Scale;
        }
        return y;
    }

    static Tensor Ln(Tensor x, Tensor w, Tensor b) => nn.functional.layer_norm(x, [384], w, b, 1e-12);

    /// ids, types, mask: [B, L] int64. Returns normalised mean-pooled [B, 384].
    public Tensor Encode(Tensor ids, Tensor types, Tensor mask)
    {
        var B = ids.shape[0]; var L = ids.shape[1];
        var pos = torch.arange(L, dtype: ScalarType.Int64);
        var x = W["embeddings.word_embeddings.weight"].index_select(0, ids.reshape(-1)).reshape(B, L, 384)
              + W["embeddings.token_type_embeddings.weight"].index_select(0, types.reshape(-1)).reshape(B, L, 384)
              + W["embeddings.position_embeddings.weight"].index_select(0, pos).unsqueeze(0);
        x = Ln(x, W["embeddings.LayerNorm.weight"], W["embeddings.LayerNorm.bias"]);
        var maskAdd = ((1.0f - mask.to_type(ScalarType.Float32)) * -10000f).reshape(B, 1, 1, L);
        for (var l = 0; l < 6; l++)
        {
            var p = $"encoder.layer.{l}.";
            Tensor Heads(Tensor t) => t.reshape(B, L, 12, 32).transpose(1, 2);
            var q = Heads(Lin(x, l, "q", p + "attention.self.query.bias"));
            var k = Heads(Lin(x, l, "k", p + "attention.self.key.bias"));
            var v = Heads(Lin(x, l, "v", p + "attention.self.value.bias"));
            var scores = q.matmul(k.transpose(-1, -2)) / MathF.Sqrt(32) + maskAdd;
            var ctx = scores.softmax(-1).matmul(v).transpose(1, 2).reshape(B, L, 384);
            var attn = Lin(ctx, l, "o", p + "attention.output.dense.bias");
            x = Ln(x + attn, W[p + "attention.output.LayerNorm.weight"], W[p + "attention.output.LayerNorm.bias"]);
            var inter = nn.functional.gelu(Lin(x, l, "i", p + "intermediate.dense.bias"));
            var o = Lin(inter, l, "out", p + "output.dense.bias");
            x = Ln(x + o, W[p + "output.LayerNorm.weight"], W[p + "output.LayerNorm.bias"]);
        }
        var m = mask.to_type(ScalarType.Float32).unsqueeze(-1);
        var pooled = (x * m).sum(1) / m.sum(1).clamp_min(1e-9);
        return nn.functional.normalize(pooled, p: 2, dim: 1);
    }

    /// The merged weights W + A B * scale of every adapted matrix (onnx name -> floats).
    public Dictionary<string, float[]> Merged()
    {
        var result = new Dictionary<string, float[]>();
        using var _ = torch.no_grad();
        for (var i = 0; i < Lora.Count; i++)
        {
            var (name, a, b) = Lora[i];
            var onnxName = MatMulNames[name];
            var merged = W[onnxName] + a.matmul(b) * Scale;
            result[onnxName] = merged.contiguous().data<float>().ToArray();
        }
        return result;
    }
}
