"""Creates or deletes a container in Azurite: `python3 scripts/azurite_container.py
create|delete NAME`, with the account and the endpoint from the variables
scripts/with-azurite sets. Signed with the account key (Shared Key): Azurite
has no command for it, and the backend only ever uses a container it is
given."""

import base64
import hashlib
import hmac
import os
import sys
import urllib.request
from email.utils import formatdate


def container(action, name):
    method = {"create": "PUT", "delete": "DELETE"}[action]
    account = os.environ["AZURE_STORAGE_ACCOUNT_NAME"]
    key = base64.b64decode(os.environ["AZURE_STORAGE_ACCOUNT_KEY"])
    date = formatdate(usegmt=True)
    version = "2021-08-06"
    headers = f"x-ms-date:{date}\nx-ms-version:{version}\n"
    resource = f"/{account}/{account}/{name}\nrestype:container"
    to_sign = method + "\n" + "\n" * 11 + headers + resource
    signature = base64.b64encode(hmac.new(key, to_sign.encode(), hashlib.sha256).digest()).decode()
    request = urllib.request.Request(
        f"{os.environ['AZURITE_BLOB_STORAGE_URL']}/{account}/{name}?restype=container",
        method=method,
        headers={"x-ms-date": date, "x-ms-version": version,
                 "Authorization": f"SharedKey {account}:{signature}", "Content-Length": "0"},
    )
    urllib.request.urlopen(request, timeout=10).close()


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("create", "delete"):
        sys.exit(f"usage: {sys.argv[0]} create|delete NAME")
    container(sys.argv[1], sys.argv[2])
