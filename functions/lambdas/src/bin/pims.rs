//! The pims function: Daftar's personnel records (PIMS) API on AWS Lambda.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    daftar_lambdas::run(daftar_api::Domain::Pims).await
}
