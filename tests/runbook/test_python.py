"""The Python export, run for real with the official SDKs against a recording proxy on 127.0.0.1.

Run by scripts/test.sh with the venv's Python (scripts/py-requirements.txt) as
    python tests/runbook/test_python.py <path of the sls-encrypt binary>
Each test compiles an intent with the CLI, runs the generated script with HTTP_PROXY pointing at
recorder.py and SLS_ENCRYPT_PROTOCOL=http, and checks what arrived.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from recorder import Recorder  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("SLS_ENCRYPT_BIN") or os.path.join(ROOT, "target", "debug", "sls-encrypt")
HOSTILE = "it's \"quoted\" $HOME `id` $(id) \\ back\\slash\nsecond line 中文 ''' \"\"\" {braces}"


def intent():
    with open(os.path.join(ROOT, "examples", "byok-update-cloud-firewall.json")) as f:
        value = json.load(f)
    value["current"]["futureNote"] = HOSTILE
    return value


def compile_plan(value):
    out = subprocess.run([BIN, "compile", "-"], input=json.dumps(value).encode(), capture_output=True)
    assert out.returncode in (0, 1), out.stderr.decode()
    return json.loads(out.stdout)


def world(value):
    return {
        "key": {
            "KeyId": "key-hzz67f8a1b2c3d4e5f6g", "KeyState": "Enabled", "DeletionProtection": "Disabled",
            "Arn": "acs:kms:cn-hangzhou:1234567890123456:key/key-hzz67f8a1b2c3d4e5f6g",
        },
        "roles": {}, "role_policies": {}, "policies": {}, "user_policies": {},
        "logstore": copy.deepcopy(value["current"]),
    }


class Run:
    def __init__(self, plan, state, env=None):
        self.recorder = Recorder(state)
        try:
            with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as f:
                f.write(plan["exports"]["python_sdk"])
                path = f.name
            environment = {
                "PATH": os.environ.get("PATH", ""),
                "HOME": os.environ.get("HOME", "/tmp"),
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI-test-id",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-secret",
                "HTTP_PROXY": self.recorder.url,
                "SLS_ENCRYPT_PROTOCOL": "http",
                "SLS_ENCRYPT_RETRY_EVERY": "0",
            }
            environment.update(env or {})
            out = subprocess.run([sys.executable, path], env=environment, capture_output=True, timeout=120)
            os.unlink(path)
        finally:
            self.recorder.close()
        self.ok = out.returncode == 0
        self.stderr = out.stderr.decode("utf-8", "replace")
        self.records = self.recorder.records
        self.state = self.recorder.state

    def of(self, api):
        return self.recorder.of(api)

    def changes(self):
        prefixes = ("Create", "Attach", "Update", "Set", "Delete", "Detach")
        return [r["api"] for r in self.records if r["api"].startswith(prefixes)]


def sent_as_planned(test, run, plan):
    """Every request of the plan arrived, in order, each equal to the plan's."""
    apis = {r["api"] for r in plan["requests"]}
    arrived = [r for r in run.records if r["api"] in apis]
    test.assertEqual([r["api"] for r in arrived], [r["api"] for r in plan["requests"]], run.stderr)
    for got, want in zip(arrived, plan["requests"]):
        test.assertEqual(got["host"], want["host"])
        test.assertEqual(got["method"], want["method"])
        test.assertEqual(got["path"], want["path"])
        if want["host"] == "ram.aliyuncs.com":
            test.assertEqual(got["params"], want["query"], want["api"])
        if want["body"] is not None:
            test.assertEqual(json.loads(got["body"]), want["body"], want["api"])


class PythonExport(unittest.TestCase):
    def test_a_live_logstore_as_pasted_gets_every_request_of_the_plan(self):
        value = intent()
        plan = compile_plan(value)
        self.assertTrue(plan["ok"], plan["findings"])
        run = Run(plan, world(value))
        self.assertTrue(run.ok, run.stderr)
        sent_as_planned(self, run, plan)
        body = json.loads(run.of("UpdateLogStore")[0]["body"])
        self.assertEqual(body["futureNote"], HOSTILE, "an unknown field is sent as it is")
        self.assertEqual(run.changes(), ["CreateRole", "AttachPolicyToRole", "AttachPolicyToRole", "CreatePolicy", "AttachPolicyToUser", "UpdateLogStore"])
        self.assertIn("ENC004", run.stderr)

    def test_a_drifted_logstore_stops_before_update_logstore(self):
        value = intent()
        plan = compile_plan(value)
        state = world(value)
        state["logstore"]["ttl"] = 7
        run = Run(plan, state)
        self.assertFalse(run.ok)
        self.assertIn("changed since it was pasted: ttl differ", run.stderr)
        self.assertEqual(len(run.of("GetLogStore")), 1)
        self.assertEqual(run.of("UpdateLogStore"), [])

    def test_a_second_run_after_steps_1_to_3_creates_nothing_twice(self):
        value = intent()
        plan = compile_plan(value)
        state = world(value)
        state["roles"] = {"sls-byok-kms-role": plan["requests"][0]["query"]["AssumeRolePolicyDocument"]}
        state["role_policies"] = {"sls-byok-kms-role": [["AliyunKMSReadOnlyAccess", "System"], ["AliyunKMSCryptoUserAccess", "System"]]}
        run = Run(plan, state)
        self.assertTrue(run.ok, run.stderr)
        self.assertEqual(run.changes(), ["CreatePolicy", "AttachPolicyToUser", "UpdateLogStore"])
        again = Run(plan, run.state)
        self.assertTrue(again.ok, again.stderr)
        self.assertEqual(again.changes(), [])

    def test_pre_checks_stop_before_any_change(self):
        value = intent()
        plan = compile_plan(value)
        cases = [
            ("KeyState", "Disabled", "is Disabled, not Enabled"),
            ("Arn", "acs:kms:cn-shanghai:1234567890123456:key/key-hzz67f8a1b2c3d4e5f6g", "is in region cn-shanghai, but the Logstore is in cn-hangzhou"),
        ]
        for field, bad, message in cases:
            state = world(value)
            state["key"][field] = bad
            run = Run(plan, state)
            self.assertFalse(run.ok)
            self.assertIn(message, run.stderr)
            self.assertEqual(run.changes(), [])
            self.assertEqual([r["api"] for r in run.records], ["DescribeKey"])

        existing = intent()
        existing["ram"]["create_role"] = False
        existing["encryption"]["role_arn"] = "acs:ram::1234567890123456:role/sls-byok-kms-role"
        plan = compile_plan(existing)
        run = Run(plan, world(existing))
        self.assertFalse(run.ok)
        self.assertIn("the role sls-byok-kms-role does not exist", run.stderr)
        self.assertEqual([r["api"] for r in run.records], ["DescribeKey", "GetRole"])

        state = world(existing)
        state["roles"] = {"sls-byok-kms-role": json.dumps({"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}}], "Version": "1"})}
        run = Run(plan, state)
        self.assertFalse(run.ok)
        self.assertIn("does not let log.aliyuncs.com assume it", run.stderr)
        self.assertEqual(run.changes(), [])

    def test_deletion_protection_is_opt_in_and_the_update_is_retried_after_ram_changes(self):
        value = intent()
        plan = compile_plan(value)
        state = world(value)
        state["fail"] = {"UpdateLogStore": 1}
        run = Run(plan, state, {"SLS_ENCRYPT_PROTECT_CMK": "1"})
        self.assertTrue(run.ok, run.stderr)
        self.assertEqual(run.changes()[0], "SetDeletionProtection")
        self.assertEqual(run.state["key"]["DeletionProtection"], "Enabled")
        self.assertEqual(len(run.of("UpdateLogStore")), 2)
        self.assertEqual(len(run.of("GetLogStore")), 2)

    def test_a_draft_stops_before_the_first_call_and_credentials_come_from_the_environment(self):
        value = intent()
        value["encryption"]["cmk_key_id"] = "not a key"
        plan = compile_plan(value)
        self.assertFalse(plan["ok"])
        run = Run(plan, world(value))
        self.assertFalse(run.ok)
        self.assertIn("this plan has errors", run.stderr)
        self.assertEqual(run.records, [])

        plan = compile_plan(intent())
        run = Run(plan, world(intent()), {"ALIBABA_CLOUD_ACCESS_KEY_SECRET": ""})
        self.assertFalse(run.ok)
        self.assertIn("ALIBABA_CLOUD_ACCESS_KEY_SECRET", run.stderr)
        self.assertEqual(run.records, [])

    def test_a_service_key_create_sends_the_create_body_exactly(self):
        with open(os.path.join(ROOT, "examples", "service-key-create.json")) as f:
            value = json.load(f)
        value["logstore"]["futureNote"] = HOSTILE
        plan = compile_plan(value)
        self.assertTrue(plan["ok"], plan["findings"])
        run = Run(plan, {"logstore": {}})
        self.assertTrue(run.ok, run.stderr)
        sent_as_planned(self, run, plan)

    def test_the_pip_line_names_the_versions_tested_here(self):
        from importlib.metadata import version

        script = compile_plan(intent())["exports"]["python_sdk"]
        line = next(l for l in script.splitlines() if l.startswith("#   pip install "))
        pins = dict(p.split("==") for p in line.split()[3:])
        self.assertEqual(set(pins), {"alibabacloud_sls20201230", "alibabacloud_ram20150501", "alibabacloud_kms20160120"})
        for name, pinned in pins.items():
            self.assertEqual(version(name), pinned, name)

    def test_chinese_comments_and_messages(self):
        value = intent()
        value["lang"] = "zh"
        plan = compile_plan(value)
        self.assertIn("# 步骤：", plan["exports"]["python_sdk"])
        state = world(value)
        state["logstore"]["ttl"] = 7
        run = Run(plan, state)
        self.assertFalse(run.ok)
        self.assertIn("日志库在粘贴后已被修改：ttl", run.stderr)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
