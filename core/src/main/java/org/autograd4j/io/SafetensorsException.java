package org.autograd4j.io;

/**
 * A file that is not valid safetensors (the Rust crate's {@code SafeTensorError}): the message names the
 * problem, in the crate's words where it has them ({@code header too large}, {@code invalid offset for tensor
 * `w`}, ...).
 */
public final class SafetensorsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what is wrong with the file
     */
    public SafetensorsException(String message) {
        super(message);
    }
}
