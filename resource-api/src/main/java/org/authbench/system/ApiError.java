package org.authbench.system;

/**
 * The JSON body of every error answer: {@code {"status":401,"error":"Unauthorized","message":"…","path":"/api/me"}}.
 */
public record ApiError(int status, String error, String message, String path) {
}
