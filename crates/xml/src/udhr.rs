pub(crate) fn read(
    _b: &[u8],
    _o: &crate::ReadOptions,
) -> Result<unpara_model::Document, crate::XmlError> {
    Err(crate::XmlError::Unsupported("udhr".into()))
}
