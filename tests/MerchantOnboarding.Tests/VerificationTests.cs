using Commerce.Onboarding.Domain.Verification;

namespace Commerce.Onboarding.Tests;

public sealed class VerificationTests
{
    [Test]
    public void Resident_id_sample_of_the_standard_passes_and_a_changed_digit_fails_the_check()
    {
        // The worked example of GB 11643-1999.
        Assert.That(ResidentIdNumber.Problem("11010519491231002X"), Is.Null);
        Assert.That(ResidentIdNumber.Problem("11010519491231002x"), Is.Null);
        Assert.That(ResidentIdNumber.Problem("110105194912310021"), Does.Contain("check character"));
        Assert.That(ResidentIdNumber.Problem("11010519491331002X"), Does.Contain("birth date"));
        Assert.That(ResidentIdNumber.Problem("1101051949123100"), Does.Contain("18 characters"));
        Assert.That(ResidentIdNumber.Problem("1101051949123100AX"), Does.Contain("non-digit"));
    }

    [Test]
    public void Age_is_counted_from_the_birth_date_in_the_number()
    {
        var id = Fixtures.IdNumber("20080615");
        Assert.That(ResidentIdNumber.AgeOn(id, new DateOnly(2026, 6, 14)), Is.EqualTo(17));
        Assert.That(ResidentIdNumber.AgeOn(id, new DateOnly(2026, 6, 15)), Is.EqualTo(18));
    }

    [Test]
    public void Unified_social_credit_code_check_character_follows_gb_32100()
    {
        // Published codes: the check character is what the standard's weights give.
        Assert.That(UnifiedSocialCreditCode.Problem("91350100M000100Y43"), Is.Null);
        Assert.That(UnifiedSocialCreditCode.Problem("91350100M000100Y44"), Does.Contain("check character"));
        var code = Fixtures.Licence(42);
        Assert.That(UnifiedSocialCreditCode.Problem(code), Is.Null);
        Assert.That(UnifiedSocialCreditCode.Problem(code[..17] + (code[17] == '0' ? '1' : '0')), Does.Contain("check character"));
        Assert.That(UnifiedSocialCreditCode.Problem("91110105I0000042X0"), Does.Contain("invalid character 'I'"));
        Assert.That(UnifiedSocialCreditCode.Problem("91AB0105000000420X"), Does.Contain("administrative division"));
        Assert.That(UnifiedSocialCreditCode.Problem("9111"), Does.Contain("18 characters"));
        Assert.That(UnifiedSocialCreditCode.Problem(""), Does.Contain("required"));
    }
}
