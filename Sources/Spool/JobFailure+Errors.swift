import CodedErrors

extension JobFailure {
    /// The coded form of an error from any stage; an error without a code is an internal one.
    public init(_ error: any Error) {
        if let coded = error as? CodedFailure {
            self.init(code: coded.codeText, message: coded.message, isRetryable: coded.isRetryable)
        } else {
            self.init(code: "ERR::INTERNAL::UNEXPECTED", message: "\(error)", isRetryable: true)
        }
    }
}
