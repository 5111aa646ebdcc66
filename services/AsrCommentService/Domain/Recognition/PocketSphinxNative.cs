using System.Runtime.InteropServices;

namespace Commerce.Asr.Domain.Recognition;

// Debian 12's pocketsphinx is 0.8+5prealpha: ps_start_utt and ps_get_hyp take no utterance id (unlike 0.8 proper).
// cmd_ln_init is variadic, which P/Invoke cannot call portably; cmd_ln_parse_r takes an argv array instead.
internal static partial class PocketSphinxNative
{
    private const string PocketSphinx = "libpocketsphinx.so.3";
    private const string SphinxBase = "libsphinxbase.so.3";

    [LibraryImport(PocketSphinx)]
    internal static partial IntPtr ps_args();

    [LibraryImport(SphinxBase)]
    internal static partial IntPtr cmd_ln_parse_r(IntPtr inoutCmdln, IntPtr definitions, int argc, IntPtr[] argv, int strict);

    [LibraryImport(SphinxBase)]
    internal static partial int cmd_ln_free_r(IntPtr cmdln);

    [LibraryImport(SphinxBase, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int err_set_logfile(string path);

    [LibraryImport(PocketSphinx)]
    internal static partial IntPtr ps_init(IntPtr config);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_free(IntPtr decoder);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_start_utt(IntPtr decoder);

    [LibraryImport(PocketSphinx)]
    internal static unsafe partial int ps_process_raw(IntPtr decoder, short* data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_end_utt(IntPtr decoder);

    [LibraryImport(PocketSphinx)]
    internal static partial IntPtr ps_get_hyp(IntPtr decoder, out int bestScore);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_get_prob(IntPtr decoder);

    [LibraryImport(PocketSphinx)]
    internal static partial IntPtr ps_get_logmath(IntPtr decoder);

    [LibraryImport(SphinxBase)]
    internal static partial double logmath_exp(IntPtr logmath, int logb);
}
