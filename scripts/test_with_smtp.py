"""scripts/with-smtp and the SMTP server it runs (scripts/smtp_sink.py), as
the backend's mail is tested with them: run with
`python3 scripts/test_with_smtp.py` (scripts/test does). A mail sent to the
server is read back from the folder, its parts decoded; the server stopped
refuses connections, and started again takes mail on the same port."""

import pathlib
import subprocess
import sys
import textwrap
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Runs under scripts/with-smtp, and prints what it found as JSON.
PROBE = textwrap.dedent(
    """
    import json, os, smtplib, subprocess, time
    from email.message import EmailMessage

    port = int(os.environ["TEST_SMTP_URL"].rsplit(":", 1)[1])
    folder = os.environ["TEST_SMTP_DIR"]

    def send(subject):
        message = EmailMessage()
        message["From"] = "Support <support@partner.example>"
        message["To"] = "chen.jie@beijing-cloud.cn"
        message["Subject"] = subject
        message["Message-ID"] = "<probe@partner.example>"
        message.set_content("纯文本 <b>")
        message.add_alternative("<p>&lt;b&gt;</p>", subtype="html")
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            smtp.send_message(message)

    send("[SR-000001] 新回复")
    ctl = os.environ["WITH_SMTP_CTL"]
    subprocess.run([ctl, "stop"], check=True)
    try:
        smtplib.SMTP("127.0.0.1", port, timeout=2)
        refused_while_down = False
    except OSError:
        refused_while_down = True
    subprocess.run([ctl, "start"], check=True)
    send("[SR-000001] again")
    names = sorted(os.listdir(folder))
    mails = [json.load(open(os.path.join(folder, n))) for n in names if n.endswith(".json")]
    print(json.dumps({"names": names, "mails": mails, "refused_while_down": refused_while_down}))
    """
)


class WithSmtp(unittest.TestCase):
    def test_mail_is_read_back_and_the_server_stops_and_starts(self):
        import json

        done = subprocess.run(
            [str(ROOT / "scripts/with-smtp"), sys.executable, "-c", PROBE],
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.assertEqual(done.returncode, 0, done.stderr)
        found = json.loads(done.stdout)
        self.assertEqual(
            found["names"], ["000001.eml", "000001.json", "000002.eml", "000002.json"]
        )
        first, second = found["mails"]
        self.assertEqual(first["rcpt"], ["chen.jie@beijing-cloud.cn"])
        self.assertEqual(first["subject"], "[SR-000001] 新回复")
        self.assertEqual(first["message_id"], "<probe@partner.example>")
        self.assertEqual(first["content_type"], "multipart/alternative")
        self.assertEqual(first["text"].strip(), "纯文本 <b>")
        self.assertEqual(first["html"].strip(), "<p>&lt;b&gt;</p>")
        self.assertTrue(found["refused_while_down"])
        self.assertEqual(second["subject"], "[SR-000001] again")


if __name__ == "__main__":
    unittest.main()
