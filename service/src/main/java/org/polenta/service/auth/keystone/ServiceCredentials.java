package org.polenta.service.auth.keystone;

/** The service's own Keystone user, scoped to its project. A domain name, when given, wins over the id. */
public record ServiceCredentials(String user, String password, String userDomainId, String userDomainName,
                                 String project, String projectDomainId, String projectDomainName) {

    static ServiceCredentials of(KeystoneConfig c) {
        return new ServiceCredentials(c.getServiceUser(), c.getServicePassword(), c.getServiceUserDomainId(),
                c.getServiceUserDomainName(), c.getServiceProject(), c.getServiceProjectDomainId(),
                c.getServiceProjectDomainName());
    }

    @Override
    public String toString() {
        // Never the password, whatever logs a record.
        return "ServiceCredentials[user=" + user + ", project=" + project + "]";
    }
}
