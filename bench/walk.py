"""Walks the list page by page and prints the cursor of the requested page (one HTTP client, keep-alive)."""
import http.client
import json
import sys
import urllib.parse

host, port, token, path, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
connection = http.client.HTTPConnection(host, port)
cursor = None
for _ in range(pages - 1):
    query = "limit=50" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
    connection.request("GET", path + "?" + query, headers={"Authorization": "Bearer " + token})
    response = connection.getresponse()
    body = json.loads(response.read())
    if response.status != 200 or body["next_cursor"] is None:
        sys.exit(f"walk stopped early: status {response.status}")
    cursor = body["next_cursor"]
print(cursor)
