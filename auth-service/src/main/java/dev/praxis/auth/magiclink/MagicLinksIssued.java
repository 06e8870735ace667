package dev.praxis.auth.magiclink;

import java.util.List;

/**
 * Links created for one email address (one per tenant it has an account in). Published inside the request's
 * transaction and delivered only after it commits; it holds tokens, so it is never printed.
 */
record MagicLinksIssued(String recipient, List<Link> links) {

    MagicLinksIssued {
        links = List.copyOf(links);
    }

    record Link(String tenantName, String url) {

        @Override
        public String toString() {
            return "Link[tenant=" + tenantName + "]";
        }
    }

    @Override
    public String toString() {
        return "MagicLinksIssued[links=" + links.size() + "]";
    }
}
