//! The domain types serialise exactly as the wire spells them: the vectors' bodies round-trip.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use sls_encrypt::encryption::{EncryptConf, EncryptType, UserCmkInfo};
use sls_encrypt::logstore::LogstoreSettings;

#[test]
fn vector_bodies_round_trip_through_the_typed_settings() {
    for name in ["create_logstore_byok", "create_logstore_service_key", "update_logstore_merge_byok", "update_logstore_disable_encryption"]
    {
        let text = std::fs::read_to_string(format!("{}/tests/vectors/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        let body = &v["sent_by_official_sdk"]["requests"][0]["body_json"];
        let typed: LogstoreSettings = serde_json::from_value(body.clone()).unwrap();
        assert!(typed.other.is_empty(), "{name}: every field of the body is a typed field");
        assert_eq!(&serde_json::to_value(&typed).unwrap(), body, "{name}");
    }
}

#[test]
fn encrypt_conf_spelling() {
    let conf = EncryptConf {
        enable: true,
        encrypt_type: EncryptType::Sm4,
        user_cmk_info: Some(UserCmkInfo {
            cmk_key_id: "key-a1b2c3d4e5".into(),
            arn: "acs:ram::1234567890123456:role/r".into(),
            region_id: "cn-hangzhou".into(),
        }),
    };
    let want = json!({ "enable": true, "encrypt_type": "sm4", "user_cmk_info": { "cmk_key_id": "key-a1b2c3d4e5", "arn": "acs:ram::1234567890123456:role/r", "region_id": "cn-hangzhou" } });
    assert_eq!(serde_json::to_value(&conf).unwrap(), want);
    assert_eq!(conf.to_value(), want);
    assert_eq!(
        conf.to_encryption_api(),
        json!({ "enable": true, "encryptType": "sm4", "userCmkInfo": { "keyId": "key-a1b2c3d4e5", "roleArn": "acs:ram::1234567890123456:role/r", "regionId": "cn-hangzhou" } })
    );
    let service: EncryptConf = serde_json::from_value(json!({ "enable": false, "encrypt_type": "default" })).unwrap();
    assert_eq!(serde_json::to_value(&service).unwrap(), json!({ "enable": false, "encrypt_type": "default" }));
    let settings =
        LogstoreSettings { ttl: Some(30), other: serde_json::from_value(json!({ "futureField": 1 })).unwrap(), ..Default::default() };
    assert_eq!(serde_json::to_value(&settings).unwrap(), json!({ "ttl": 30, "futureField": 1 }));
}
