using System.Text.RegularExpressions;
using CoachBot.Core.Safety;

namespace CoachBot.Ai.Answers.Screening;

/// <summary>
/// Spots a request to attack someone by its shape, one sentence at a time:
/// <list type="bullet">
/// <item>an attack verb ("hack into", "break into", "crack", "steal", "DDoS", "phish", "take down"…) followed within a
/// few words by a target — something one breaks into (an account, a site, a server, a network, a password) or a
/// person ("my ex", "the moderators", "John Smith");</item>
/// <item>a verb that is harmless on its own ("access", "get into", "log into", "bypass", "track", "read") aimed at
/// what belongs to someone else ("someone's account", "her 2FA", "my ex's location", "without their permission");</item>
/// <item>building an attack tool or lure ("a phishing page", "a fake login page", "a keylogger", "ransomware", "a SQL
/// injection payload");</item>
/// <item>doing an attack technique to a target that is not one's own or a practice lab ("do sql injection on my college's
/// login page", "run a DDoS attack against their server"; not "on my own app", "on DVWA").</item>
/// </list>
/// A question that defends against the attack is not one: "how do I protect my app from SQL injection", "how can I
/// prevent phishing", "stop people who break into accounts" — a safeguarding word comes before the attack, or the
/// attack is what something is protected from or against.
/// </summary>
public static partial class AttackRequest
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(hack(s|ed|ing)?|break(s|ing)?\s+into|broke\s+into|crack(s|ed|ing)?|brute[-\s]?forc(e|es|ed|ing)|steal(s|ing)?|stole|phish(es|ed|ing)?|d?dos(s?ed|s?ing)?|take\s+down|tak(e|ing)\s+([\w']+\s+){1,3}down|knock(ing)?\s+([\w']+\s+){0,3}offline|deface|defacing|dox+(ed|ing)?|hijack(s|ed|ing)?|spy(ing)?\s+on|stalk(s|ed|ing)?|sql[-\s]?inject(ing)?|inject(ing)?\s+(sql\s+)?into|lock\s+([\w']+\s+){1,3}out\s+of|wipe|wiping|ransom)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex AttackVerb();

    [GeneratedRegex(@"\b(access(ing)?|get(ting)?\s+into|gain(ing)?\s+access\s+to|log(ging)?\s*(in(to)?|on)(\s+to)?|sign(ing)?\s+in(to)?(\s+to)?|bypass(ing)?|get\s+(a)?round|exploit(ing)?|track(ing)?|locate|locating|monitor(ing)?|read(ing)?|see(ing)?|intercept(ing)?|sniff(ing)?|reset(ting)?|change|changing|recover(ing)?|open(ing)?|unlock(ing)?|control(ling)?)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex ReachVerb();

    // what one attacks: accounts, sites, machines, secrets
    [GeneratedRegex(@"\b(accounts?|profiles?|insta(gram)?|ig|facebook|fb|snap(chat)?|tiktok|twitter|x\s+account|gmail|outlook|e-?mails?|inbox|icloud|whatsapp|telegram|discord|steam|phones?|iphone|computers?|laptops?|pcs?|wi-?fi|networks?|routers?|websites?|sites?|web\s?apps?|servers?|databases?|dbs?|systems?|infrastructure|passwords?|credentials|logins?|sessions?|cookies|2fa|mfa|otp|cameras?|webcams?|messages|dms|texts|chats|location|bank)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex TargetNoun();

    // what is personal to someone: reaching it is an attack when it is someone else's
    [GeneratedRegex(@"\b(accounts?|profiles?|insta(gram)?|ig|facebook|fb|snap(chat)?|tiktok|twitter|gmail|outlook|e-?mails?|inbox|icloud|whatsapp|telegram|discord|phones?|iphone|computers?|laptops?|pcs?|wi-?fi|routers?|passwords?|credentials|logins?|2fa|mfa|otp|cameras?|webcams?|messages|dms|texts|chats|location|bank\s+account)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex PersonalTarget();

    // someone else does the attacking: "how do attackers crack passwords" asks how an attack works
    [GeneratedRegex(@"\b(hackers?|attackers?|criminals?|scammers?|fraudsters?|bad\s+actors?|malicious\s+\w+|intruders?|thieves|botnets?)(\s+(still|usually|often|typically|normally|really|actually|even|commonly|sometimes|always|ever|also|generally))?\s*$", Options | RegexOptions.NonBacktracking)]
    private static partial Regex ThirdPartyAttacker();

    // what belongs to someone else: "someone's", "her", "my ex's", "John's", "without their permission"
    [GeneratedRegex(@"\b(someone'?s|somebody'?s|anyone'?s|other\s+people'?s|people'?s|his|her|their|them|him|my\s+\w+'s|[a-z]+'s(?<!\b(it|that|what|there|here|who|let|he|she)'s)|without\s+(their|his|her|them|permission|consent|(them|him|her)\s+knowing))\b", Options, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SomeoneElses();

    [GeneratedRegex(@"\b(build|make|create|write|code|set\s*up|host|design|generate|develop|deploy|send|spread|launch|run|clone)\w*\b(\s+\w+){0,3}?\s+(phishing\s+(pages?|sites?|websites?|e-?mails?|kits?|links?|campaigns?|forms?)|fake\s+(login|sign-?in|bank|paypal|instagram|facebook)\s+(pages?|forms?|sites?|websites?)|keyloggers?|ransomware|malware|viruse?s?|trojans?|botnets?|credential\s+(stealers?|harvesters?)|password\s+(stealers?|grabbers?)|spyware|stalkerware|worms?|(ddos|dos|flood)\s+(tools?|scripts?|bots?|attacks?)|exploit\s+kits?|(sql[-\s]?injection|xss|injection)\s+(payloads?|exploits?|attack\s+strings?)|reverse\s+shells?)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex AttackTool();

    // an attack technique done to something: "do sql injection on my college's login page", "run a ddos against their server"
    [GeneratedRegex(@"\b(do|doing|perform(s|ed|ing)?|use|using|run|running|launch(es|ed|ing)?|execut(e|es|ed|ing)|try|trying|pull\s+off|carry\s+out|pull|carry)\s+(an?\s+|some\s+)?(sql[-\s]?injections?|(sql|command|code)\s+injection\s+attacks?|xss(\s+attacks?)?|cross[-\s]site\s+scripting|csrf(\s+attacks?)?|d?dos\s+attacks?|ddos|brute[-\s]?force(\s+attacks?)?|credential\s+stuffing|session\s+hijacking|man[-\s]in[-\s]the[-\s]middle(\s+attacks?)?|mitm(\s+attacks?)?|phishing(\s+attacks?)?|privilege\s+escalation)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex AttackTechnique();

    // where a technique is aimed: "on", "against", "into", "at" something
    [GeneratedRegex(@"^\s*(on|against|into|at|to)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex AimedAt();

    // one's own or a practice target: "on my own app", "on localhost", "in a lab", "on DVWA", "with permission"
    [GeneratedRegex(@"\b(my\s+own|our\s+own|own|localhost|local|lab|labs|ctf|dvwa|juice\s+shop|hack\s?the\s?box|tryhackme|practice|sandbox|with\s+(their\s+|written\s+)?permission|authori[sz]ed)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex OwnOrPracticeTarget();

    [GeneratedRegex(@"\b(prevent\w*|protect\w*|defend\w*|defen[cs]es?|secur(e|es|ing)|mitigat\w*|detect\w*|stop\w*|avoid\w*|guard\w*|block\w*|harden\w*|recogni[sz]\w*|spot\w*|report\w*|safe|safer|safely|resist\w*|patch\w*|fix\w*|keep\s+(\w+\s+){1,3}out|against)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex SafeguardingCue();

    // the attack is what something is protected from: "protect my app from people who hack into accounts"
    [GeneratedRegex(@"\b(from|against)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex ProtectedFrom();

    [GeneratedRegex(@"(?<=[.!?;\n])\s+", Options, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SentenceBoundary();

    private const int TargetWindowWords = 6;

    public static bool IsMatch(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        foreach (var sentence in SentenceBoundary().Split(question))
        {
            var attackAt = FindAttack(sentence);
            if (attackAt < 0)
            {
                continue;
            }

            var before = sentence[..attackAt];
            if (SafeguardingCue().IsMatch(before) || ProtectedFrom().IsMatch(before) || ThirdPartyAttacker().IsMatch(before.TrimEnd()))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>Where the attack starts in the sentence, or -1.</summary>
    private static int FindAttack(string sentence)
    {
        var tool = AttackTool().Match(sentence);
        if (tool.Success)
        {
            return tool.Index;
        }

        foreach (Match technique in AttackTechnique().Matches(sentence))
        {
            var rest = sentence[(technique.Index + technique.Length)..];
            var window = WordsAfter(sentence, technique.Index + technique.Length);
            if (AimedAt().IsMatch(rest) && !OwnOrPracticeTarget().IsMatch(window)
                && (TargetNoun().IsMatch(window) || SomeoneElses().IsMatch(window) || PersonReference.IsPresent(window)))
            {
                return technique.Index;
            }
        }

        foreach (Match verb in AttackVerb().Matches(sentence))
        {
            // "take my school's server down" holds its target inside the verb phrase
            var window = verb.Value + " " + WordsAfter(sentence, verb.Index + verb.Length);
            if (TargetNoun().IsMatch(window) || PersonReference.IsPresent(window))
            {
                return verb.Index;
            }
        }

        foreach (Match verb in ReachVerb().Matches(sentence))
        {
            var window = WordsAfter(sentence, verb.Index + verb.Length);
            if (SomeoneElses().IsMatch(window) && (PersonalTarget().IsMatch(window) || window.Contains("without", StringComparison.OrdinalIgnoreCase)))
            {
                return verb.Index;
            }
        }

        return -1;
    }

    private static string WordsAfter(string sentence, int start)
    {
        var words = sentence[start..].Split((char[]?)null, TargetWindowWords + 1, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(TargetWindowWords));
    }
}
