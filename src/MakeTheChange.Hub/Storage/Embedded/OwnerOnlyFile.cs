using System.Runtime.Versioning;
using System.Text;

namespace MakeTheChange.Hub.Storage.Embedded;

internal static class OwnerOnlyFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [UnsupportedOSPlatform("windows")]
    public static void Write(string path, string contents)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = Mode,
        };

        using (var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            writer.Write(contents);
        }

        // UnixCreateMode applies only to new files; an older file would otherwise keep its mode.
        File.SetUnixFileMode(path, Mode);
    }
}
