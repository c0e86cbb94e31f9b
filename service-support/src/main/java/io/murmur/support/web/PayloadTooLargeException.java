package io.murmur.support.web;

import java.io.IOException;

/**
 * A request body turned out larger than allowed while it was being read.
 */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("Request body exceeds " + limit + " bytes");
	}

}
