"""Drives a Hashchat server through Mastodon.py's own methods and prints what came back as JSON.

Run by mastodon-py.test.ts with Debian's /usr/bin/python3 (python3-mastodon 1.8):

    mastodon_py_driver.py app               -> {"client_id", "client_secret", "auth_url"}
    mastodon_py_driver.py run               -> {"<step>": {"ok": value} | {"error": "..."}}

Settings come from the environment: HASHCHAT_URL; for `run` also CLIENT_ID, CLIENT_SECRET,
CODE (an authorization code the test obtained by approving auth_url), OTHER_TOKEN (a second
user, who follows, mentions, votes), TAG and IMAGE (a PNG file). Each step records its result
or its error and the run goes on, so one failure does not hide the others.
"""

import datetime
import json
import os
import sys
import threading
import traceback

from mastodon import Mastodon, StreamListener

BASE = os.environ["HASHCHAT_URL"]
OOB = "urn:ietf:wg:oauth:2.0:oob"
SCOPES = ["read", "write", "follow", "push"]
WAIT_SECONDS = 10


def app():
    client_id, client_secret = Mastodon.create_app(
        "Mastodon.py driver", scopes=SCOPES, redirect_uris=OOB, api_base_url=BASE
    )
    anon = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=BASE)
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "auth_url": anon.auth_request_url(redirect_uris=OOB, scopes=SCOPES),
    }


class Recorder:
    def __init__(self):
        self.results = {}

    def step(self, name, fn):
        try:
            value = fn()
            self.results[name] = {"ok": value}
            return value
        except Exception as err:  # noqa: BLE001 - every failure is reported, not raised
            self.results[name] = {
                "error": f"{type(err).__name__}: {err}",
                "trace": traceback.format_exc(limit=3),
            }
            return None


class Waiting(StreamListener):
    """Sets `connected` on the stream's first comment line and keeps every update received."""

    def __init__(self):
        self.connected = threading.Event()
        self.changed = threading.Condition()
        self.updates = []

    def handle_heartbeat(self):
        self.connected.set()

    def on_update(self, status):
        with self.changed:
            self.updates.append(status)
            self.changed.notify_all()

    def on_unknown_event(self, name, unknown_event=None):
        pass

    def wait_for(self, status_id):
        with self.changed:
            found = self.changed.wait_for(
                lambda: next((s for s in self.updates if str(s["id"]) == status_id), None), WAIT_SECONDS
            )
        if not found:
            raise TimeoutError(f"no update for {status_id}; got {[str(s['id']) for s in self.updates]}")
        return found


def stream(opener, post):
    """Opens a stream, waits until it is connected, posts, and returns the update received."""
    listener = Waiting()
    handle = opener(listener)
    try:
        if not listener.connected.wait(WAIT_SECONDS):
            raise TimeoutError("stream never sent its opening line")
        posted = str(post()["id"])
        got = listener.wait_for(posted)
        return {"posted": posted, "received": str(got["id"]), "content": got["content"]}
    finally:
        handle.close()


def run():
    r = Recorder()
    tag = os.environ["TAG"]
    m = Mastodon(client_id=os.environ["CLIENT_ID"], client_secret=os.environ["CLIENT_SECRET"], api_base_url=BASE)
    r.step("log_in", lambda: bool(m.log_in(code=os.environ["CODE"], redirect_uri=OOB, scopes=SCOPES)))
    other = Mastodon(access_token=os.environ["OTHER_TOKEN"], api_base_url=BASE)

    me = r.step("account_verify_credentials", lambda: m.account_verify_credentials())
    if me is None:
        return r.results
    r.results["account_verify_credentials"] = {"ok": {"id": str(me["id"]), "username": me["username"]}}
    r.step("instance", lambda: {k: m.instance()[k] for k in ("uri", "version")})
    r.step("instance_nodeinfo", lambda: m.instance_nodeinfo()["software"])
    r.step("instance_rules", lambda: len(m.instance_rules()))
    r.step("custom_emojis", lambda: m.custom_emojis())

    first = r.step("status_post", lambda: m.status_post(f"Hello from Mastodon.py #{tag}"))
    sid = str(first["id"])
    r.results["status_post"] = {"ok": {"id": sid, "tags": [t["name"] for t in first["tags"]]}}
    r.step("status", lambda: str(m.status(sid)["id"]))
    r.step("status_reply", lambda: str(m.status_reply(m.status(sid), "a reply")["in_reply_to_id"]))
    r.step("status_context", lambda: len(m.status_context(sid)["descendants"]))
    r.step("status_favourite", lambda: m.status_favourite(sid)["favourited"])
    r.step("status_reblog", lambda: str(m.status_reblog(sid)["reblog"]["id"]))
    r.step("status_bookmark", lambda: m.status_bookmark(sid)["bookmarked"])
    r.step("bookmarks", lambda: [str(s["id"]) for s in m.bookmarks()])
    r.step("favourites", lambda: [str(s["id"]) for s in m.favourites()])

    def edit():
        s = m.status_update(sid, status=f"Hello, edited, from Mastodon.py #{tag}")
        return {"content": s["content"], "edited": s["edited_at"] is not None}

    r.step("status_update", edit)
    r.step("status_history", lambda: len(m.status_history(sid)))
    r.step("status_source", lambda: m.status_source(sid)["text"])

    def poll():
        s = m.status_post("Which topic next week?", poll=m.make_poll(["Bread", "Cheese"], expires_in=3600))
        # Mastodon.py 1.8's poll_vote returns None (it drops the response): read the poll back.
        other.poll_vote(s["poll"]["id"], [1])
        voted = other.poll(s["poll"]["id"])
        mine = m.poll(s["poll"]["id"])
        return {
            "options": [o["title"] for o in s["poll"]["options"]],
            "voted": voted["voted"],
            "own_votes": voted["own_votes"],
            "counts": [o["votes_count"] for o in mine["options"]],
        }

    r.step("poll", poll)

    def scheduled():
        at = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2)
        s = m.status_post(f"Later #{tag}", scheduled_at=at)
        listed = [str(x["id"]) for x in m.scheduled_statuses()]
        later = at + datetime.timedelta(hours=1)
        moved = m.scheduled_status_update(s["id"], later)
        m.scheduled_status_delete(s["id"])
        return {
            "id": str(s["id"]),
            "text": s["params"]["text"],
            "listed": listed,
            "moved": moved["scheduled_at"].isoformat(),
            "left": len(m.scheduled_statuses()),
        }

    r.step("scheduled_status", scheduled)

    def media():
        uploaded = m.media_post(os.environ["IMAGE"], description="A slide about bread", synchronous=True)
        s = m.status_post("the slide", media_ids=[uploaded])
        a = s["media_attachments"][0]
        return {"id": str(uploaded["id"]), "type": a["type"], "description": a["description"], "url": a["url"]}

    r.step("media_post", media)

    # Paging: five more statuses in the hashtag, read two at a time with fetch_next.
    r.results["paged"] = {"ok": [str(m.status_post(f"page {i} #{tag}")["id"]) for i in range(5)]}

    def pages(first_page):
        seen = [str(s["id"]) for s in first_page]
        page = first_page
        while True:
            page = m.fetch_next(page)
            if not page:
                return seen
            seen.extend(str(s["id"]) for s in page)

    r.step("timeline_hashtag", lambda: pages(m.timeline_hashtag(tag, limit=2)))
    r.step("timeline_home", lambda: pages(m.timeline_home(limit=2)))
    r.step("timeline_public", lambda: len(m.timeline_public(limit=2)))
    r.step("account_statuses", lambda: len(m.account_statuses(me["id"], limit=3)))

    other_me = other.account_verify_credentials()
    r.step("account_follow", lambda: other.account_follow(me["id"])["following"])
    r.step("account_relationships", lambda: other.account_relationships(me["id"])[0]["following"])
    r.step("account_followers", lambda: [a["username"] for a in m.account_followers(me["id"])])
    other.status_post(f"hi @{me['username']}")
    r.step("account_follow_back", lambda: m.account_follow(other_me["id"])["following"])
    r.step("notifications", lambda: sorted({n["type"] for n in m.notifications()}))
    r.step("account_search", lambda: [a["username"] for a in m.account_search(other_me["username"])])
    r.step(
        "search_v2",
        lambda: {
            "accounts": [a["username"] for a in m.search_v2(me["username"], result_type="accounts")["accounts"]],
            "hashtags": [h["name"] for h in m.search_v2(tag, result_type="hashtags")["hashtags"]],
        },
    )
    r.step("account_lookup", lambda: str(m.account_lookup(other_me["username"])["id"]))

    def markers():
        m.markers_set(["home"], [sid])
        return str(m.markers_get(["home"])["home"]["last_read_id"])

    r.step("markers", markers)
    r.step("preferences", lambda: m.preferences()["posting:default:visibility"])
    r.step("trending_tags", lambda: isinstance(m.trending_tags(), list))
    r.step("stream_healthy", lambda: m.stream_healthy())
    r.step(
        "stream_hashtag",
        lambda: stream(
            lambda listener: m.stream_hashtag(tag, listener, run_async=True),
            lambda: m.status_post(f"live from Mastodon.py #{tag}"),
        ),
    )
    r.step(
        "stream_user",
        lambda: stream(
            lambda listener: m.stream_user(listener, run_async=True),
            lambda: other.status_post(f"for my followers #{tag}"),
        ),
    )
    r.step(
        "stream_public",
        lambda: stream(
            lambda listener: m.stream_public(listener, run_async=True),
            lambda: m.status_post("in public"),
        ),
    )
    r.step("status_delete", lambda: str(m.status_delete(sid)["id"]))
    return r.results


if __name__ == "__main__":
    out = app() if sys.argv[1] == "app" else run()
    print(json.dumps(out, default=str))
