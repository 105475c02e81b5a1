package org.polenta.service.auth.keystone;

/**
 * Validates user tokens with the service's token, as keystonemiddleware does. When Keystone says the service token
 * itself is no good (a 401: revoked, or Keystone's keys rotated), it gets a fresh one and asks once more; a second
 * 401 means the service's credentials are the problem, which is Keystone being unusable, not the user's fault.
 */
public class ServiceTokenValidator implements TokenValidator {

    /** One validation call: the service token and the user token; KeystoneClient::validate is one. */
    @FunctionalInterface
    public interface ValidationCall {
        TokenValidation validate(String serviceToken, String userToken);
    }

    private final ValidationCall call;
    private final ServiceTokenProvider serviceTokens;

    public ServiceTokenValidator(ValidationCall call, ServiceTokenProvider serviceTokens) {
        this.call = call;
        this.serviceTokens = serviceTokens;
    }

    @Override
    public TokenValidation validate(String userToken) {
        String serviceToken = serviceTokens.token();
        try {
            return call.validate(serviceToken, userToken);
        } catch (ServiceTokenRejectedException first) {
            serviceTokens.rejected(serviceToken);
            try {
                return call.validate(serviceTokens.token(), userToken);
            } catch (ServiceTokenRejectedException again) {
                throw new KeystoneUnavailableException("Keystone rejects a freshly issued service token", again);
            }
        }
    }
}
