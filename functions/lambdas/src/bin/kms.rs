//! The kms function: Daftar's knowledge library (KMS) API on AWS Lambda.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    daftar_lambdas::run(daftar_api::Domain::Kms).await
}
