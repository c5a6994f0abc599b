COPY hcp.cluster_member (party_id, cluster_id) FROM STDIN
