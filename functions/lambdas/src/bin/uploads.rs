//! The uploads function: attachments' uploads and confirmations on AWS Lambda.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    daftar_lambdas::run(daftar_api::Domain::Uploads).await
}
