//! The files function: Daftar's e-File API on AWS Lambda.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    daftar_lambdas::run(daftar_api::Domain::Files).await
}
