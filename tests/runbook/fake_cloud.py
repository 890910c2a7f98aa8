"""What the stand-in cloud answers: RAM, KMS and SLS as this project's runbooks use them.

Shared by the stand-in aliyun CLI (fake_aliyun.py) and the recording HTTP proxy (recorder.py).
The state (a dict, saved by the caller) changes like the service's would: a created role exists
afterwards, an attached policy is listed.

state keys: version (str), key (DescribeKey's KeyMetadata or null), roles {name: trust policy
text}, role_policies {role: [[name, type]]}, policies {name: document text}, user_policies
{user: [[name, type]]}, logstore (GetLogStore's answer), fail {api: times to fail first}.
"""

import json


class Refused(Exception):
    """A service error: its code, message and HTTP status."""

    def __init__(self, code, message="", status=404):
        super().__init__(code)
        self.code, self.message, self.status = code, message, status


def error(code, message="", status=404):
    raise Refused(code, message, status)


def handle(state, product, api, p):
    """Answers one call of `api` with parameters `p` (a function from a name to its value)."""
    if state.get("fail", {}).get(api, 0) > 0:
        state["fail"][api] -= 1
        error("Unauthorized", f"{api} refused by the stand-in", 401)
    roles = state.setdefault("roles", {})
    role_policies = state.setdefault("role_policies", {})
    policies = state.setdefault("policies", {})
    user_policies = state.setdefault("user_policies", {})

    if (product, api) == ("kms", "DescribeKey"):
        key = state.get("key")
        if not key or key.get("KeyId") != p("KeyId"):
            error("Forbidden.KeyNotFound", "The specified Key is not found.")
        return {"KeyMetadata": key, "RequestId": "r"}
    elif (product, api) == ("kms", "SetDeletionProtection"):
        state["key"]["DeletionProtection"] = "Enabled"
        return {"RequestId": "r"}
    elif (product, api) == ("ram", "GetRole"):
        name = p("RoleName")
        if name not in roles:
            error("EntityNotExist.Role", f"The role does not exist: {name}.")
        return {"Role": {"RoleName": name, "AssumeRolePolicyDocument": roles[name]}, "RequestId": "r"}
    elif (product, api) == ("ram", "CreateRole"):
        name = p("RoleName")
        if name in roles:
            error("EntityAlreadyExists.Role", f"The role already exists: {name}.", 409)
        roles[name] = p("AssumeRolePolicyDocument")
        return {"Role": {"RoleName": name}}
    elif (product, api) == ("ram", "UpdateRole"):
        name = p("RoleName")
        if name not in roles:
            error("EntityNotExist.Role", f"The role does not exist: {name}.")
        roles[name] = p("NewAssumeRolePolicyDocument")
        return {"Role": {"RoleName": name}}
    elif (product, api) in (("ram", "ListPoliciesForRole"), ("ram", "ListPoliciesForUser")):
        table, who = (role_policies, p("RoleName")) if api.endswith("Role") else (user_policies, p("UserName"))
        listed = [{"PolicyName": n, "PolicyType": t} for n, t in table.get(who, [])]
        return {"Policies": {"Policy": listed}, "RequestId": "r"}
    elif (product, api) in (("ram", "AttachPolicyToRole"), ("ram", "AttachPolicyToUser")):
        table, who = (role_policies, p("RoleName")) if api.endswith("Role") else (user_policies, p("UserName"))
        pair = [p("PolicyName"), p("PolicyType")]
        if pair in table.get(who, []):
            error("EntityAlreadyExists.Policy.Attachment", "The policy is already attached.", 409)
        table.setdefault(who, []).append(pair)
        return {"RequestId": "r"}
    elif (product, api) == ("ram", "GetPolicy"):
        name = p("PolicyName")
        if name not in policies:
            error("EntityNotExist.Policy", f"The policy does not exist: {name}.")
        return {"Policy": {"PolicyName": name, "PolicyType": "Custom"}, "DefaultPolicyVersion": {"PolicyDocument": policies[name]}}
    elif (product, api) == ("ram", "CreatePolicy"):
        name = p("PolicyName")
        if name in policies:
            error("EntityAlreadyExists.Policy", f"The policy already exists: {name}.", 409)
        policies[name] = p("PolicyDocument")
        return {"Policy": {"PolicyName": name}}
    elif (product, api) == ("sls", "GetLogStore"):
        return state["logstore"]
    elif (product, api) in (("sls", "UpdateLogStore"), ("sls", "CreateLogStore")):
        state["logstore"] = json.loads(p("body"))
        return {}
    error("InvalidAction.NotFound", f"The stand-in does not know {product} {api}.")