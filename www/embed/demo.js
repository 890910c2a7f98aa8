// Embed demo: loads an intent into the configurator and shows what the plan says.
const el = document.querySelector('sls-encrypt-configurator');
const status = document.getElementById('status');

el.addEventListener('ready', () => { status.textContent = 'app ready'; });
el.addEventListener('plan', (event) => {
  const { plan } = event.detail;
  const errors = plan.findings.filter((f) => f.severity === 'error').length;
  status.textContent = `plan: ${plan.ok ? 'ok' : `${errors} error(s)`}, ${plan.requests.length} request(s)`;
});

document.getElementById('load').addEventListener('click', () => {
  el.intent = {
    version: 1,
    target: { region: 'cn-hangzhou', account_id: '1234567890123456', preset: 'cloud_firewall' },
    operation: 'update',
    current: JSON.stringify({ logstoreName: 'cloudfirewall-logstore', ttl: 180, shardCount: 2, hot_ttl: 30, mode: 'standard' }, null, 2),
    encryption: { key: 'byok', encrypt_type: 'default', cmk_key_id: 'key-hzz67f8a1b2c3d4e5f6g' },
    ram: { user_name: 'sls-admin' },
  };
});
