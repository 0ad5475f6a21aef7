using System.ComponentModel.DataAnnotations;

namespace CoachBot.Storage.Tests.Faults;

public sealed class StorageRetryOptionsTests
{
    [Fact]
    public void Defaults_AreEntityFrameworksRetryDefaults()
    {
        var options = new StorageOptions();

        Assert.Equal((6, 30), (options.MaxRetryCount, options.MaxRetryDelaySeconds));
    }

    [Theory]
    [InlineData(-1, 30, "MaxRetryCount")]
    [InlineData(21, 30, "MaxRetryCount")]
    [InlineData(6, 0, "MaxRetryDelaySeconds")]
    [InlineData(6, 301, "MaxRetryDelaySeconds")]
    public void Validate_OutOfRange_FailsNamingTheKey(int retries, int delaySeconds, string key)
    {
        var options = new StorageOptions { MaxRetryCount = retries, MaxRetryDelaySeconds = delaySeconds };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(key));
    }

    [Fact]
    public void Validate_RetriesOff_IsValid()
    {
        var options = new StorageOptions { MaxRetryCount = 0 };

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
