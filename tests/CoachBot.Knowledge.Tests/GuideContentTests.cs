using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoachBot.Knowledge.Tests.Seeds;

namespace CoachBot.Knowledge.Tests;

/// <summary>
/// Pins the shape of the knowledge data: the guides converted from shared/seeds, the query-expansion
/// synonyms and the per-section question expansions. Answers quote guide sentences, so the guides must
/// keep the seeds' wording exactly while losing the scraped page clutter.
/// </summary>
public sealed partial class GuideContentTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string GuidesDirectory = Path.Combine(RepoRoot, "knowledge", "guides");
    private static readonly string ExpansionsDirectory = Path.Combine(RepoRoot, "knowledge", "expansions");
    private static readonly string SynonymsFile = Path.Combine(RepoRoot, "knowledge", "synonyms.txt");

    // The read-only shared folder beside the repository; a fresh clone has none, so the tests reading it skip (see SeedArticles).
    private static readonly string SeedsDirectory = SeedArticles.Directory;

    private static readonly Dictionary<string, string[]> ExpectedHeadings = new(StringComparer.Ordinal)
    {
        ["backend-career-path"] =
        [
            "## The Path to Backend Engineering Success",
            "## Step 1: Laying the Foundation",
            "### Master Programming Fundamentals",
            "### Database Management",
            "## Step 2: Building Expertise",
            "### Backend Frameworks and Tools",
            "### Microservices Architecture",
            "## Step 3: Expanding Your Skillset",
            "### Data Engineering and Analytics",
            "### Security and Compliance",
            "## Step 4: Advancing Your Career",
            "### Team Collaboration and Leadership",
            "### Continuous Learning and Innovation",
            "## Step 5: Specializations and Niche Areas",
            "## Conclusion",
        ],
        ["backend-core-skills"] =
        [
            "## Core Skills",
            "### Programming languages",
            "### Web frameworks",
            "### Databases and query languages",
            "### API development and integration",
            "### Server management and deployment",
            "### Security and scalability",
            "### Testing and debugging",
            "### Version control systems",
            "### Continuous Integration and Continuous Deployment (CI/CD)",
            "### Problem-solving and analytical thinking",
            "## Staying Competitive",
            "## Practice programming skills",
        ],
        ["backend-developer-career-guide"] =
        [
            "## Top Skills",
            "## Part 1: Why Choose a Career as a Backend Developer?",
            "### The Excitement of Backend Development",
            "### Job Security and Growth Potential",
            "### Appealing to Different Personality Traits",
            "### The Role of Backend Developers in Modern Tech",
            "## Part 2: Starting as a Backend Developer",
            "### Entry-Level Positions",
            "### Necessary Qualifications",
            "### Common Challenges for Beginners",
            "### Overcoming Initial Hurdles",
            "## Part 3: Mid-Career Progression",
            "### Titles and Roles",
            "### Increased Responsibilities",
            "### Necessary Skills and Certifications",
            "### Career Development Resources",
            "### Visual Aids",
            "### Engagement with the Community",
            "## Part 4: Advanced Roles and Leadership Opportunities",
            "### Advanced Titles",
            "### Leadership and Management Opportunities",
            "### Essential Skills and Education",
            "### The Importance of Soft Skills",
            "## Part 5: Alternative Career Paths for Backend Developers",
            "### Related Career Paths",
            "### Moving into Adjacent Industries",
            "### Leveraging Skills in Different Roles",
            "### Exploring New Opportunities",
            "## Part 6: Long-Term Career Outlook and Industry Trends",
            "### Future Demand for Backend Developers",
            "### Staying Relevant in a Rapidly Evolving Field",
            "### Long-Term Growth Prospects",
            "### The Impact of Automation",
        ],
        ["backend-software-engineer-role"] =
        [
            "## Overview",
            "## Responsibilities",
            "## Essential Skills",
            "## Frameworks and Tools",
            "## Career Path",
            "## Summary",
        ],
        ["how-to-become-backend-engineer"] =
        [
            "## What is Backend Engineering?",
            "## Skills are Required to Become a Backend Engineer",
            "### 1. Programming Proficiency",
            "### 2. Understanding of Databases",
            "### 3. Knowledge of Server Management",
            "### 4. API Integration and Development",
            "### 5. Security Best Practices",
            "### 6. Version Control",
            "### 7. Problem-Solving Skills",
            "### 8. Basic Understanding of Frontend Technologies",
            "### 9. Communication and Teamwork",
            "## How to Become a Backend Engineer",
            "### 1. Understand the Basics of Backend Engineering",
            "### 2. Start with the Education",
            "#### Formal Education",
            "#### Online Courses and Bootcamps",
            "### 3. Learn the Core Languages and Technologies",
            "### 4. Build and Showcase Your Projects",
            "### 5. Internships and Networking",
            "### 6. Continuous Learning and Specialization",
            "## The Road to Becoming a Backend Engineer",
            "## Building a Strong Portfolio As a Backend Engineer",
            "## Backend Engineer’s Job Outlook and Salaries",
            "### Backend Engineering Salaries",
            "## Tips for Securing a Backend Engineering Job",
            "## Final Thoughts",
            "## Frequently Asked Questions",
            "### What career advancement opportunities exist for Backend Engineers?",
            "### What education is required to become a backend engineer?",
            "### How do I gain practical experience?",
        ],
    };

    // Scraped page furniture that must never reach a guide (newsletter, share, byline, promos, link lists, teasers).
    private static readonly string[] ClutterPhrases =
    [
        "Enter your email address",
        "subscribe to our newsletter",
        "Newsletter Updates",
        "Stay informed and not overwhelmed",
        "Share your love",
        "Like this post?",
        "Please share to your friends",
        "Leave a Reply",
        "Oluchukwu",
        "Onyinyechi",
        "Articles: 163",
        "Read Also",
        "Also Read",
        "Skip to main content",
        "min read",
        "July 3, 2023",
        "AI Simulation",
        "Talk to a virtual coach",
        "Related resources",
        "Discover More Job Roles",
        "AI Prompt Engineer",
        "Computer Technician",
        "Customer Success Manager",
        "Digital Marketing Manager",
        "Google Search Journey",
        "rabbit hole",
        "The digital age has revolutionized",
        "Upwork",
        "Bloomberg",
        "Python developer pay",
        "Python developer remote roles",
        "<p>",
        "<li>",
        "<ul>",
        "<h3>",
    ];

    // Clutter that is only clutter as a line of its own ("Reference" the word is fine inside a sentence).
    private static readonly string[] ClutterLines = ["Reference", "Recommendations", "Contents"];

    // Seed lines a guide may leave out: page furniture, and for each seed the line where the unrelated tail begins.
    private static readonly Dictionary<string, (string[] DroppedLinePrefixes, string? TailStartsWith)> SeedClutter =
        new(StringComparer.Ordinal)
        {
            ["backend-career-path"] = (["Like this post?", "Leave a Reply"], null),
            ["backend-developer-career-guide"] =
                (["Top Skills for Backend Developer Career Path", "Contents", "AI Simulation", "Talk to a virtual coach"],
                 "Related resources"),
            ["how-to-become-backend-engineer"] =
                (["Enter your email address", "By Oluchukwu Ikemefuna", "Share your love", "Read Also –", "Also Read –"],
                 "Reference"),
            ["backend-software-engineer-role"] = ([], "The digital age has revolutionized"),
            ["backend-core-skills"] =
                (["Skip to main content", "Monday, July 3, 2023", "· 3 min read", "Why Google Search Journey?",
                  "Google Search Journey groups", "Search can, at times"],
                 null),
        };

    public static TheoryData<string> GuideIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in ExpectedHeadings.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [SeedFact]
    public void Guides_AreOnePerSeedWithUniqueIdsMatchingFileNames()
    {
        Assert.True(Directory.Exists(SeedsDirectory), $"seed folder '{SeedsDirectory}' not found; the shared folder must sit beside the repository");
        var guides = Directory.GetFiles(GuidesDirectory, "*.md").Select(Guide.Load).ToList();
        var seeds = Directory.GetFiles(SeedsDirectory, "*.txt").Select(Path.GetFileName).ToList();

        Assert.Equal(seeds.Count, guides.Count);
        Assert.Equal(guides.Count, guides.Select(g => g.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(guides, g => Assert.Equal(Path.GetFileNameWithoutExtension(g.Path), g.Id));
        Assert.Equal(
            seeds.Order(StringComparer.Ordinal),
            guides.Select(g => g.Source).Order(StringComparer.Ordinal));
        Assert.Equal(
            ExpectedHeadings.Keys.Order(StringComparer.Ordinal),
            guides.Select(g => g.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(GuideIds))]
    public void Guides_HaveFrontMatterWithIdTitleSourceTopics(string id)
    {
        var guide = Guide.Load(GuidePath(id));

        Assert.Matches(KebabCase(), guide.Id);
        Assert.False(string.IsNullOrWhiteSpace(guide.Title), "title is empty");
        Assert.EndsWith(".txt", guide.Source, StringComparison.Ordinal);
        Assert.InRange(guide.Topics.Count, 4, 12);
        Assert.All(guide.Topics, t => Assert.False(string.IsNullOrWhiteSpace(t), "empty topic"));
        Assert.Equal(guide.Topics.Count, guide.Topics.Distinct(StringComparer.Ordinal).Count());

        var titleHeadings = guide.BodyLines.Where(l => l.StartsWith("# ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["# " + guide.Title], titleHeadings);
    }

    [Theory]
    [MemberData(nameof(GuideIds))]
    public void Guides_ContainNoPageClutter(string id)
    {
        var guide = Guide.Load(GuidePath(id));

        var found = ClutterPhrases
            .Where(p => guide.Body.Contains(p, StringComparison.OrdinalIgnoreCase))
            .Concat(ClutterLines.Where(c => guide.BodyLines.Any(l => string.Equals(l.Trim(), c, StringComparison.Ordinal))))
            .ToList();

        Assert.True(found.Count == 0, $"{id} still contains page clutter: {string.Join(" | ", found)}");
    }

    [Theory]
    [MemberData(nameof(GuideIds))]
    public void Guides_KeepEveryRealSection(string id)
    {
        var headings = Guide.Load(GuidePath(id)).Headings;

        var missing = ExpectedHeadings[id].Where(h => !headings.Contains(h)).ToList();

        Assert.True(missing.Count == 0, $"{id} lost headings: {string.Join(" | ", missing)}");
    }

    [SeedTheory]
    [MemberData(nameof(GuideIds))]
    public void EveryGuideSentenceExistsInItsSeed(string id)
    {
        var guide = Guide.Load(GuidePath(id));
        var seed = NormaliseSeed(ReadSeed(guide.Source));

        var missing = guide.Sentences().Where(s => !seed.Contains(s, StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"{id} has sentences not found verbatim in {guide.Source}:\n{string.Join("\n", missing)}");
    }

    [SeedTheory]
    [MemberData(nameof(GuideIds))]
    public void EverySeedLineIsKeptUnlessItIsClutter(string id)
    {
        var guide = Guide.Load(GuidePath(id));
        var (dropped, tail) = SeedClutter[id];
        var guideText = Collapse(string.Join(' ', guide.BodyLines.Select(StripMarkers)));

        var lost = new List<string>();
        foreach (var raw in ReadSeed(guide.Source).Split('\n'))
        {
            var line = Collapse(StripMarkers(HtmlTag().Replace(raw, " ")));
            if (tail is not null && line.StartsWith(tail, StringComparison.Ordinal))
            {
                break;
            }

            if (line.Length == 0 || dropped.Any(d => line.StartsWith(d, StringComparison.Ordinal)))
            {
                continue;
            }

            // Lead-in lines such as "Database Management:" became headings without the colon; the seed's title
            // line may differ in case from the guide's title.
            if (!guideText.Contains(line.TrimEnd(':'), StringComparison.OrdinalIgnoreCase))
            {
                lost.Add(line);
            }
        }

        Assert.True(lost.Count == 0, $"{id} dropped seed content:\n{string.Join("\n", lost)}");
    }

    [Fact]
    public void Guides_ListEachTopSkillOnce()
    {
        var guide = Guide.Load(GuidePath("backend-developer-career-guide"));
        var skills = guide.SectionLines("## Top Skills")
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l[2..])
            .ToList();

        Assert.Contains("Data Structures and Algorithms", skills);
        Assert.Contains("SQL", skills);
        Assert.Equal(skills.Count, skills.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Guides_KeepOnTopicPracticeAdvice()
    {
        var lines = Guide.Load(GuidePath("backend-core-skills")).SectionLines("## Practice programming skills");

        Assert.Contains("- leetcode", lines);
        Assert.Contains("- codewars", lines);
    }

    [Fact]
    public void Expansions_ReferOnlyToExistingHeadings()
    {
        var files = Directory.GetFiles(ExpansionsDirectory, "*.yaml");
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var expansion = Expansion.Load(file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), expansion.Guide);
            Assert.True(File.Exists(GuidePath(expansion.Guide)), $"{file} names unknown guide '{expansion.Guide}'");

            // The guide's title heading too: its introduction is a section with text of its own.
            var headingTexts = Guide.Load(GuidePath(expansion.Guide)).Headings
                .Where(h => h.StartsWith("# ", StringComparison.Ordinal) || h.StartsWith("## ", StringComparison.Ordinal) || h.StartsWith("### ", StringComparison.Ordinal))
                .Select(h => h[(h.IndexOf(' ', StringComparison.Ordinal) + 1)..])
                .ToHashSet(StringComparer.Ordinal);
            var unknown = expansion.Sections.Keys.Where(h => !headingTexts.Contains(h)).ToList();

            Assert.True(unknown.Count == 0, $"{Path.GetFileName(file)} refers to missing headings: {string.Join(" | ", unknown)}");
        }
    }

    [Theory]
    [MemberData(nameof(GuideIds))]
    public void Expansions_GiveEverySectionThreeToSixQuestions(string id)
    {
        var expansion = Expansion.Load(Path.Combine(ExpansionsDirectory, id + ".yaml"));
        var sections = Guide.Load(GuidePath(id)).Headings
            .Where(h => h.StartsWith("## ", StringComparison.Ordinal) || h.StartsWith("### ", StringComparison.Ordinal))
            .Select(h => h[(h.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        Assert.All(sections, heading =>
        {
            Assert.True(expansion.Sections.TryGetValue(heading, out var questions), $"no questions for '{heading}'");
            Assert.InRange(questions!.Count, 3, 6);
            Assert.Equal(questions.Count, questions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        });
    }

    [Fact]
    public void Synonyms_FileParsesAndHasNoEmptyGroups()
    {
        var rules = 0;
        foreach (var (line, number) in File.ReadAllLines(SynonymsFile).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            rules++;
            var sides = line.Split("=>");
            Assert.True(sides.Length <= 2, $"line {number}: more than one '=>'");
            var left = Terms(sides[0]);
            Assert.True(left.All(t => t.Length > 0), $"line {number}: empty term on the left");
            Assert.True(left.All(t => string.Equals(t, t.ToLowerInvariant(), StringComparison.Ordinal)), $"line {number}: terms must be lowercase");

            if (sides.Length == 2)
            {
                var right = Terms(sides[1]);
                Assert.True(right.All(t => t.Length > 0), $"line {number}: empty term on the right");
            }
            else
            {
                Assert.True(left.Count >= 2, $"line {number}: an equivalence group needs at least two terms");
            }
        }

        Assert.InRange(rules, 60, 120);
    }

    [Fact]
    public void Synonyms_NoTermStartsTwoRules()
    {
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach (var (line, number) in File.ReadAllLines(SynonymsFile).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            foreach (var term in Terms(line.Split("=>")[0]))
            {
                if (!firstSeen.TryAdd(term, number))
                {
                    clashes.Add($"'{term}' on lines {firstSeen[term]} and {number}");
                }
            }
        }

        Assert.True(clashes.Count == 0, string.Join("; ", clashes));
    }

    private static List<string> Terms(string side) => side.Split(',').Select(t => t.Trim()).ToList();

    private static string GuidePath(string id) => Path.Combine(GuidesDirectory, id + ".md");

    private static string ReadSeed(string source)
    {
        var path = Path.Combine(SeedsDirectory, source);
        Assert.True(File.Exists(path), $"seed '{path}' not found; the shared folder must sit beside the repository ({SeedArticles.RequireVariable}=1 requires it)");
        return File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string NormaliseSeed(string seed) =>
        Collapse(string.Join(' ', seed.Split('\n').Select(l => StripMarkers(HtmlTag().Replace(l, " ")))));

    private static string StripMarkers(string line) => LineMarker().Replace(line, string.Empty);

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "knowledge", "guides")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing knowledge/guides above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    // Heading hashes, bullets ("-", "*", "•") and ordered-list numbers at the start of a line.
    [GeneratedRegex(@"^\s*(?:#{1,6}\s+|[-*•]\s+|\d+\.\s+)")]
    private static partial Regex LineMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    private sealed record Guide(
        string Path, string Id, string Title, string Source, IReadOnlyList<string> Topics, string Body)
    {
        public IReadOnlyList<string> BodyLines => Body.Split('\n');

        public HashSet<string> Headings =>
            BodyLines.Where(l => l.StartsWith('#')).Select(l => l.TrimEnd()).ToHashSet(StringComparer.Ordinal);

        public static Guide Load(string path)
        {
            Assert.True(File.Exists(path), $"guide '{path}' not found");
            var text = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.True(text.StartsWith("---\n", StringComparison.Ordinal), $"{path} has no front matter");
            var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            Assert.True(end > 0, $"{path} front matter is not closed");

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in text[4..end].Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                Assert.True(colon > 0, $"{path} front matter line without a key: '{line}'");
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            foreach (var key in new[] { "id", "title", "source", "topics" })
            {
                Assert.True(fields.ContainsKey(key), $"{path} front matter lacks '{key}'");
            }

            var topics = fields["topics"];
            Assert.True(topics.StartsWith('[') && topics.EndsWith(']'), $"{path} topics must be a [list]");
            return new Guide(
                path,
                fields["id"],
                fields["title"],
                fields["source"],
                topics[1..^1].Split(',').Select(t => t.Trim()).ToList(),
                text[(end + 5)..]);
        }

        /// <summary>Sentences of the body outside headings, with list markers stripped and whitespace normalised.</summary>
        public IEnumerable<string> Sentences() =>
            BodyLines
                .Where(l => !l.StartsWith('#'))
                .Select(l => Collapse(StripMarkers(l)))
                .Where(l => l.Length > 0)
                .SelectMany(l => SentenceBreak().Split(l));

        /// <summary>Lines under a heading, up to the next heading of the same or a higher level.</summary>
        public List<string> SectionLines(string heading)
        {
            var lines = BodyLines.ToList();
            var start = lines.IndexOf(heading);
            Assert.True(start >= 0, $"heading '{heading}' not found");
            var level = heading.IndexOf(' ', StringComparison.Ordinal);
            return lines
                .Skip(start + 1)
                .TakeWhile(l => !(l.StartsWith('#') && l.IndexOf(' ', StringComparison.Ordinal) <= level))
                .Where(l => l.Length > 0)
                .ToList();
        }
    }

    private sealed record Expansion(string Guide, IReadOnlyDictionary<string, List<string>> Sections)
    {
        // The files use one fixed, simple YAML shape; reading it by line keeps this test free of a YAML package.
        public static Expansion Load(string path)
        {
            string? guide = null;
            var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            List<string>? current = null;
            foreach (var raw in File.ReadAllLines(path, Encoding.UTF8))
            {
                var line = raw.TrimEnd();
                var trimmed = line.TrimStart();
                if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed == "sections:" || trimmed == "questions:")
                {
                    continue;
                }

                if (line.StartsWith("guide:", StringComparison.Ordinal))
                {
                    guide = line["guide:".Length..].Trim();
                }
                else if (trimmed.StartsWith("- heading:", StringComparison.Ordinal))
                {
                    var heading = trimmed["- heading:".Length..].Trim().Trim('"');
                    Assert.False(sections.ContainsKey(heading), $"{path}: heading '{heading}' listed twice");
                    current = [];
                    sections[heading] = current;
                }
                else if (trimmed.StartsWith("- ", StringComparison.Ordinal) && current is not null)
                {
                    var question = trimmed[2..].Trim();
                    Assert.False(string.IsNullOrWhiteSpace(question), $"{path}: empty question");
                    current.Add(question);
                }
                else
                {
                    Assert.Fail($"{path}: unexpected line '{line}'");
                }
            }

            Assert.False(string.IsNullOrEmpty(guide), $"{path} has no 'guide:' line");
            return new Expansion(guide!, sections);
        }
    }
}
