using System.Text;

namespace MakeTheChange.LoadGenerator.Http;

/// <summary>Builds the bytes of one HTTP/1.1 request with a JSON body and the bearer key.</summary>
internal sealed class HttpRequestBytes(string host, string apiKey)
{
    public byte[] Post(string path, string json) => Encode("POST", path, json);

    public byte[] Get(string path) => Encode("GET", path, null);

    private byte[] Encode(string method, string path, string? body)
    {
        var bodyBytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder(256)
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(host).Append("\r\n")
            .Append("Authorization: Bearer ").Append(apiKey).Append("\r\n");
        if (body is not null)
        {
            head.Append("Content-Type: application/json\r\n")
                .Append("Content-Length: ").Append(bodyBytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        var request = new byte[headBytes.Length + bodyBytes.Length];
        headBytes.CopyTo(request, 0);
        bodyBytes.CopyTo(request, headBytes.Length);
        return request;
    }
}
