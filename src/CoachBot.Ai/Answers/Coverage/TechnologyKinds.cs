using System.Collections.Frozen;

namespace CoachBot.Ai.Answers.Coverage;

/// <summary>
/// What a technology the guides never name is, in the guides' own words: "Rust" is a programming language, "Laravel" a
/// backend web framework, "Kafka" a part of microservices. A question about one ("Should I learn Rust?")
/// is searched and quoted with that kind beside the name, so "the closest they have" is what the guides say about
/// programming languages, not whatever shares the words "learn" and "backend". Only names a backend learner asks about
/// are listed; a lower-case one counts as a name only when it is not also an everyday word ("rust" is taken, "swift",
/// "play" and "render" are not).
/// </summary>
public static class TechnologyKinds
{
    private const string Language = "programming language";
    private const string Framework = "backend web framework";
    private const string NoSql = "NoSQL database";
    private const string Relational = "relational SQL database";
    private const string Database = "database";
    private const string Cloud = "cloud computing platform";
    private const string Containers = "container orchestration, DevOps";
    private const string Automation = "CI/CD and DevOps tool";
    private const string Messaging = "microservices";
    private const string Testing = "testing framework";
    private const string Api = "API design";
    private const string VersionControl = "version control";

    // Name as it is usually written, its kind, and whether the lower-case spelling is also an everyday word.
    private static readonly (string Name, string Kind, bool EverydayWhenLowerCase)[] Entries =
    [
        ("Rust", Language, false), ("Kotlin", Language, false), ("Scala", Language, false), ("Elixir", Language, false),
        ("Erlang", Language, false), ("Haskell", Language, false), ("Clojure", Language, false), ("TypeScript", Language, false),
        ("Swift", Language, true), ("Dart", Language, true), ("Perl", Language, false), ("Lua", Language, false),
        ("Zig", Language, false), ("Crystal", Language, true), ("Nim", Language, false), ("F#", Language, false),
        ("OCaml", Language, false), ("Julia", Language, true), ("Groovy", Language, true), ("COBOL", Language, false),
        ("Fortran", Language, false), ("Gleam", Language, true), ("Deno", Language, false), ("Bun", Language, true),
        ("Laravel", Framework, false), ("Symfony", Framework, false), ("FastAPI", Framework, false), ("NestJS", Framework, false),
        ("Phoenix", Framework, true), ("Gin", Framework, true), ("Fiber", Framework, true), ("Ktor", Framework, false),
        ("Micronaut", Framework, false), ("Quarkus", Framework, false), ("Actix", Framework, false), ("Axum", Framework, false),
        ("Koa", Framework, false), ("Fastify", Framework, false), ("Sinatra", Framework, true), ("CodeIgniter", Framework, false),
        ("Hono", Framework, false), ("AdonisJS", Framework, false), ("Gorilla", Framework, true), ("Echo", Framework, true),
        ("DynamoDB", NoSql, false), ("CouchDB", NoSql, false), ("Couchbase", NoSql, false), ("Firestore", NoSql, false),
        ("Firebase", NoSql, false), ("Neo4j", NoSql, false), ("Elasticsearch", NoSql, false), ("ScyllaDB", NoSql, false),
        ("Memcached", NoSql, false), ("MariaDB", Relational, false), ("SQLite", Relational, false), ("CockroachDB", Relational, false),
        ("Supabase", Relational, false), ("ClickHouse", Database, false), ("Snowflake", Database, true), ("BigQuery", Database, false),
        ("Prisma", Database, true), ("Hibernate", Database, true), ("Sequelize", Database, false), ("SQLAlchemy", Database, false),
        ("TypeORM", Database, false),
        ("Heroku", Cloud, false), ("Vercel", Cloud, false), ("Netlify", Cloud, false), ("DigitalOcean", Cloud, false),
        ("Cloudflare", Cloud, false), ("Linode", Cloud, false), ("Render", Cloud, true),
        ("Podman", Containers, false), ("Helm", Containers, true), ("OpenShift", Containers, false), ("Nomad", Containers, true),
        ("Terraform", Automation, false), ("Ansible", Automation, false), ("Pulumi", Automation, false), ("CircleCI", Automation, false),
        ("TeamCity", Automation, false), ("ArgoCD", Automation, false),
        ("Kafka", Messaging, false), ("RabbitMQ", Messaging, false), ("NATS", Messaging, false), ("ActiveMQ", Messaging, false),
        ("SQS", Messaging, false), ("Pulsar", Messaging, true), ("ZeroMQ", Messaging, false),
        ("Jest", Testing, true), ("Mocha", Testing, true), ("Pytest", Testing, false), ("JUnit", Testing, false),
        ("xUnit", Testing, false), ("NUnit", Testing, false), ("Cypress", Testing, true), ("Selenium", Testing, true),
        ("gRPC", Api, false), ("tRPC", Api, false), ("OpenAPI", Api, false), ("Swagger", Api, true), ("Postman", Api, true),
        ("Mercurial", VersionControl, true), ("SVN", VersionControl, false), ("Bitbucket", VersionControl, false),
    ];

    private static readonly FrozenDictionary<string, (string Name, string Kind, bool EverydayWhenLowerCase)> ByName =
        Entries.ToFrozenDictionary(entry => entry.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind of technology <paramref name="name"/> is, in the guides' words; null when it is not listed.</summary>
    public static string? KindOf(string name) => ByName.TryGetValue(name, out var entry) ? entry.Kind : null;

    /// <summary>The usual spelling of a listed name ("rust" → "Rust"); other words unchanged.</summary>
    public static string Canonical(string name) => ByName.TryGetValue(name, out var entry) ? entry.Name : name;

    /// <summary>Whether a word typed in lower case names a listed technology (and is no everyday word: "rust" yes, "swift" no).</summary>
    public static bool IsNameInLowerCase(string word) =>
        ByName.TryGetValue(word, out var entry) && !entry.EverydayWhenLowerCase;

    /// <summary>
    /// The question with the kind beside the name's first whole-word use ("Should I learn Rust (programming language)?"),
    /// for searching and quoting; unchanged when the name is not listed or not in the question as a word.
    /// </summary>
    public static string Describe(string question, string name)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(name);
        if (KindOf(name) is not { } kind)
        {
            return question;
        }

        for (var at = question.IndexOf(name, StringComparison.Ordinal); at >= 0; at = question.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsWordCharacter(question[at - 1])) && (end == question.Length || !IsWordCharacter(question[end])))
            {
                return string.Concat(question.AsSpan(0, end), $" ({kind})", question.AsSpan(end));
            }
        }

        return question;
    }

    /// <summary>
    /// The question with the kind beside the first use of every listed name in it ("Is Elixir (programming language) with
    /// Phoenix (backend web framework) a good choice?"): a name typed in capitals, or in lower case when it is no everyday
    /// word. Unchanged when it names none.
    /// </summary>
    public static string DescribeAll(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var described = question;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var start = -1;
        for (var i = 0; i <= question.Length; i++)
        {
            if (i < question.Length && IsWordCharacter(question[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var word = question[start..i];
                if (seen.Add(word) && ByName.TryGetValue(word, out var entry) && (char.IsUpper(word[0]) || !entry.EverydayWhenLowerCase))
                {
                    described = Describe(described, word);
                }

                start = -1;
            }
        }

        return described;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c is '#' or '+' or '_';
}
