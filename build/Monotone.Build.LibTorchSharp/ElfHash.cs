namespace Monotone.Build.LibTorchSharp;

/// <summary>
/// The System V ELF hash that version entries carry beside their names
/// (<c>vna_hash</c>, <c>vd_hash</c>); the dynamic linker compares it before the name.
/// </summary>
internal static class ElfHash
{
    public static uint Of(string name)
    {
        uint h = 0;
        foreach (char c in name)
        {
            h = (h << 4) + (byte)c;
            uint g = h & 0xf0000000;
            if (g != 0)
            {
                h ^= g >> 24;
            }

            h &= ~g;
        }

        return h;
    }
}
