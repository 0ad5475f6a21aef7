using System.Reflection;
using Xunit.Sdk;

namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// Theory data from the static <c>Categories</c> of the class the test runs in, so a theory declared once in an abstract
/// base (a contract suite) runs over each platform's own categories. MemberData reads the declaring type instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CategoriesOfTestClassAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var type = testMethod.ReflectedType ?? throw new InvalidOperationException("The test method has no class.");
        var member = type.GetProperty("Categories", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            ?? throw new InvalidOperationException($"{type.Name} declares no public static Categories.");
        var data = (IEnumerable<object[]>)member.GetValue(null)!;
        return data;
    }
}
