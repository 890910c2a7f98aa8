//! The encryption types serialise exactly as the wire spells them.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::json;
use sls_encrypt::encryption::{EncryptConf, EncryptType, UserCmkInfo};

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
}
