"""A throwaway SMTP server for tests and local runs: aiosmtpd on loopback,
taking every mail and writing it to a folder, for a test to read back.

Each mail becomes two files in the folder, written whole (renamed into
place): NNN.eml, as it arrived, and NNN.json, as Python's e-mail package
reads it: the envelope's recipients (`rcpt`), `from`, `to`, `subject`,
`message_id`, `in_reply_to`, `references`, `auto_submitted`,
`content_type`, and the `text` and `html` parts.

`--refuse ADDRESS` answers 550 (a permanent refusal) for that recipient;
`--defer ADDRESS` answers 451 (try again later). `--hang-first SECONDS`
writes the first mail, then holds its answer that long: a sender killed
meanwhile never learns that it was taken. Needs aiosmtpd
(scripts/setup test installs it).

Usage: python3 scripts/smtp_sink.py --listen 127.0.0.1:PORT --dir DIR
"""

import argparse
import asyncio
import email
import email.policy
import itertools
import json
import os
import signal
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder: str, refuse: list[str], defer: list[str], hang_first: float):
        self.folder = folder
        self.hang_first = hang_first
        self.refuse = {address.lower() for address in refuse}
        self.defer = {address.lower() for address in defer}
        # Numbered on from what is there: a restarted sink adds to the folder.
        taken = [int(name[:-5]) for name in os.listdir(folder) if name.endswith(".json")]
        self.numbers = itertools.count(max(taken, default=0) + 1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 No such mailbox here"
        if address.lower() in self.defer:
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)

        def part(kind):
            body = message.get_body(preferencelist=(kind,))
            return body.get_content() if body is not None else None

        number = next(self.numbers)
        read = {
            "rcpt": envelope.rcpt_tos,
            "from": str(message.get("from", "")),
            "to": str(message.get("to", "")),
            "subject": str(message.get("subject", "")),
            "message_id": str(message.get("message-id", "")),
            "in_reply_to": str(message.get("in-reply-to", "")),
            "references": str(message.get("references", "")),
            "auto_submitted": str(message.get("auto-submitted", "")),
            "content_type": message.get_content_type(),
            "text": part("plain"),
            "html": part("html"),
        }
        self.write(f"{number:06}.eml", raw)
        self.write(f"{number:06}.json", json.dumps(read, ensure_ascii=False).encode())
        if self.hang_first:
            hang, self.hang_first = self.hang_first, 0
            await asyncio.sleep(hang)
        return "250 Message accepted"

    def write(self, name: str, data: bytes):
        path = os.path.join(self.folder, name)
        with open(path + ".part", "wb") as out:
            out.write(data)
        os.replace(path + ".part", path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", default="127.0.0.1:2525", metavar="HOST:PORT")
    parser.add_argument("--dir", required=True)
    parser.add_argument("--refuse", action="append", default=[], metavar="ADDRESS")
    parser.add_argument("--defer", action="append", default=[], metavar="ADDRESS")
    parser.add_argument("--hang-first", type=float, default=0, metavar="SECONDS")
    args = parser.parse_args()
    host, port = args.listen.rsplit(":", 1)
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(
        Sink(args.dir, args.refuse, args.defer, args.hang_first),
        hostname=host,
        port=int(port),
    )
    controller.start()
    print(f"smtp_sink: listening on {host}:{port}, writing to {args.dir}", file=sys.stderr)

    async def until_stopped():
        stopped = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stopped.set)
        await stopped.wait()

    try:
        asyncio.run(until_stopped())
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
