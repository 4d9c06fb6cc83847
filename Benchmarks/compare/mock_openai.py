"""A minimal OpenAI-compatible chat-completions server with a fixed latency, for Benchmarks/compare.sh.

usage: mock_openai.py PORT LATENCY_MS

POST /v1/chat/completions answers after LATENCY_MS with a short deterministic reply (HTTP/1.1, keep-alive).
GET /stats returns {"requests": n, "first": t, "last": t} (monotonic seconds) since the last POST /reset.
Standard library only, one asyncio loop: both clients meet exactly the same server.
"""
import asyncio
import json
import sys
import time

port, latency = int(sys.argv[1]), float(sys.argv[2]) / 1000
stats = {"requests": 0, "first": None, "last": None}


def reply(body: bytes, status: str = "200 OK") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def completion(request: dict) -> bytes:
    messages = request.get("messages") or [{"content": ""}]
    prompt = str(messages[-1].get("content", ""))
    n = int(request.get("n") or 1)
    text = "Answer to: " + prompt[:40]
    return json.dumps(
        {
            "id": "chatcmpl-bench",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", "bench-model"),
            "choices": [
                {"index": i, "message": {"role": "assistant", "content": text}, "finish_reason": "stop",
                 "logprobs": None}
                for i in range(n)
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 8, "total_tokens": 18},
        }
    ).encode()


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            method, path, _ = line.decode("latin-1").split(" ", 2)
            length = 0
            while True:
                header = await reader.readline()
                if header in (b"\r\n", b"\n", b""):
                    break
                name, _, value = header.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            body = await reader.readexactly(length) if length else b""
            if method == "GET" and path.startswith("/stats"):
                writer.write(reply(json.dumps(stats).encode()))
            elif method == "POST" and path.startswith("/reset"):
                stats.update(requests=0, first=None, last=None)
                writer.write(reply(b"{}"))
            elif method == "POST" and path.endswith("/chat/completions"):
                now = time.monotonic()
                stats["requests"] += 1
                stats["first"] = stats["first"] or now
                if latency:
                    await asyncio.sleep(latency)
                stats["last"] = time.monotonic()
                writer.write(reply(completion(json.loads(body or b"{}"))))
            elif method == "GET" and path.endswith("/models"):
                writer.write(reply(b'{"object": "list", "data": [{"id": "bench-model", "object": "model"}]}'))
            else:
                writer.write(reply(b'{"error": {"message": "not found"}}', "404 Not Found"))
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError, ValueError):
        pass
    finally:
        writer.close()


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024)
    print(f"mock OpenAI server on 127.0.0.1:{port}, latency {latency * 1000:.0f} ms", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
