using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Hub.Connections;

/// <summary>A webhook's raw bytes, read before anything else: signatures are computed over them, never over a re-serialisation.</summary>
public static class WebhookBody
{
    public const int MaxBytes = HubApplication.MaxRequestBodyBytes;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
