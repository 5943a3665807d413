//! The control function: Daftar's control room and reports API on AWS Lambda.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    daftar_lambdas::run(daftar_api::Domain::Control).await
}
