"""A stand-in for the aliyun CLI, for running the shell runbook in tests.

Each call appends its arguments (as hex of their exact bytes) to $FAKE_ALIYUN_DIR/calls.jsonl and
answers from $FAKE_ALIYUN_DIR/state.json, which it updates like the service would (a created role
exists afterwards, an attached policy is listed). Errors look like the real CLI's: a message
naming the ErrorCode on stderr and exit status 1.

state.json keys: version (str), key (DescribeKey's KeyMetadata or null), roles {name: trust policy
text}, role_policies {role: [[name, type]]}, policies {name: document text}, user_policies
{user: [[name, type]]}, logstore (GetLogStore's answer), fail {api: times to fail first}.
"""

import json
import os
import sys

base = os.environ["FAKE_ALIYUN_DIR"]
state_path = os.path.join(base, "state.json")
args = sys.argv[1:]
with open(os.path.join(base, "calls.jsonl"), "a") as log:
    log.write(json.dumps([os.fsencode(a).hex() for a in args]) + "\n")
with open(state_path) as f:
    state = json.load(f)


def flag(name):
    i = args.index("--" + name)
    return args[i + 1]


def answer(value):
    print(json.dumps(value, indent=2, ensure_ascii=False))
    save()
    sys.exit(0)


def error(code, message="", status=404):
    print(
        f"ERROR: SDK.ServerError\nErrorCode: {code}\nRecommend: https://api.aliyun.com/troubleshoot?q={code}\n"
        f"RequestId: 00000000-0000-0000-0000-000000000000\nMessage: {message}",
        file=sys.stderr,
    )
    save()
    sys.exit(1)


def save():
    with open(state_path, "w") as f:
        json.dump(state, f)


if args == ["version"]:
    print(state.get("version", "3.0.308"))
    sys.exit(0)

product, api = args[0], args[1]
if state.get("fail", {}).get(api, 0) > 0:
    state["fail"][api] -= 1
    error("Unauthorized", f"{api} refused by the stand-in", 401)

roles = state.setdefault("roles", {})
role_policies = state.setdefault("role_policies", {})
policies = state.setdefault("policies", {})
user_policies = state.setdefault("user_policies", {})

if (product, api) == ("kms", "DescribeKey"):
    key = state.get("key")
    if not key or key.get("KeyId") != flag("KeyId"):
        error("Forbidden.KeyNotFound", "The specified Key is not found.")
    answer({"KeyMetadata": key, "RequestId": "r"})
elif (product, api) == ("kms", "SetDeletionProtection"):
    state["key"]["DeletionProtection"] = "Enabled"
    answer({"RequestId": "r"})
elif (product, api) == ("ram", "GetRole"):
    name = flag("RoleName")
    if name not in roles:
        error("EntityNotExist.Role", f"The role does not exist: {name}.")
    answer({"Role": {"RoleName": name, "AssumeRolePolicyDocument": roles[name]}, "RequestId": "r"})
elif (product, api) == ("ram", "CreateRole"):
    name = flag("RoleName")
    if name in roles:
        error("EntityAlreadyExists.Role", f"The role already exists: {name}.", 409)
    roles[name] = flag("AssumeRolePolicyDocument")
    answer({"Role": {"RoleName": name}})
elif (product, api) == ("ram", "UpdateRole"):
    name = flag("RoleName")
    if name not in roles:
        error("EntityNotExist.Role", f"The role does not exist: {name}.")
    roles[name] = flag("NewAssumeRolePolicyDocument")
    answer({"Role": {"RoleName": name}})
elif (product, api) in (("ram", "ListPoliciesForRole"), ("ram", "ListPoliciesForUser")):
    table, who = (role_policies, flag("RoleName")) if api.endswith("Role") else (user_policies, flag("UserName"))
    listed = [{"PolicyName": n, "PolicyType": t} for n, t in table.get(who, [])]
    answer({"Policies": {"Policy": listed}, "RequestId": "r"})
elif (product, api) in (("ram", "AttachPolicyToRole"), ("ram", "AttachPolicyToUser")):
    table, who = (role_policies, flag("RoleName")) if api.endswith("Role") else (user_policies, flag("UserName"))
    pair = [flag("PolicyName"), flag("PolicyType")]
    if pair in table.get(who, []):
        error("EntityAlreadyExists.Policy.Attachment", "The policy is already attached.", 409)
    table.setdefault(who, []).append(pair)
    answer({"RequestId": "r"})
elif (product, api) == ("ram", "GetPolicy"):
    name = flag("PolicyName")
    if name not in policies:
        error("EntityNotExist.Policy", f"The policy does not exist: {name}.")
    answer({"Policy": {"PolicyName": name, "PolicyType": "Custom"}, "DefaultPolicyVersion": {"PolicyDocument": policies[name]}})
elif (product, api) == ("ram", "CreatePolicy"):
    name = flag("PolicyName")
    if name in policies:
        error("EntityAlreadyExists.Policy", f"The policy already exists: {name}.", 409)
    policies[name] = flag("PolicyDocument")
    answer({"Policy": {"PolicyName": name}})
elif (product, api) == ("sls", "GetLogStore"):
    answer(state["logstore"])
elif (product, api) in (("sls", "UpdateLogStore"), ("sls", "CreateLogStore")):
    state["logstore"] = json.loads(flag("body"))
    answer({})
else:
    error("InvalidAction.NotFound", f"The stand-in does not know {product} {api}.")
