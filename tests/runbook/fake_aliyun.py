"""A stand-in for the aliyun CLI, for running the shell runbook in tests.

Each call appends its arguments (hex of their exact bytes) to $FAKE_ALIYUN_DIR/calls.jsonl and is
answered by fake_cloud.handle from $FAKE_ALIYUN_DIR/state.json, which it saves back. Errors look
like the real CLI's: a message naming the ErrorCode on stderr and exit status 1.
"""

import json
import os
import sys

import fake_cloud

base = os.environ["FAKE_ALIYUN_DIR"]
state_path = os.path.join(base, "state.json")
args = sys.argv[1:]
with open(os.path.join(base, "calls.jsonl"), "a") as log:
    log.write(json.dumps([os.fsencode(a).hex() for a in args]) + "\n")
with open(state_path) as f:
    state = json.load(f)

if args == ["version"]:
    print(state.get("version", "3.0.308"))
    sys.exit(0)


def flag(name):
    return args[args.index("--" + name) + 1]


try:
    answer = fake_cloud.handle(state, args[0], args[1], flag)
    print(json.dumps(answer, indent=2, ensure_ascii=False))
    status = 0
except fake_cloud.Refused as e:
    print(
        f"ERROR: SDK.ServerError\nErrorCode: {e.code}\nRecommend: https://api.aliyun.com/troubleshoot?q={e.code}\n"
        f"RequestId: 00000000-0000-0000-0000-000000000000\nMessage: {e.message}",
        file=sys.stderr,
    )
    status = 1
with open(state_path, "w") as f:
    json.dump(state, f)
sys.exit(status)
