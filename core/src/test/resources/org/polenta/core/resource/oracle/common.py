import os
# A scratch PostgreSQL database, e.g. postgresql://user:password@127.0.0.1:5432/polenta_resource_oracle
os.environ["GNOCCHI_INDEXER_URL"] = os.environ["POLENTA_ORACLE_PG_URL"]
os.environ.setdefault("GNOCCHI_STORAGE_FILE_BASEPATH", "/tmp/resora/storage")
from gnocchi import service, indexer
def get_indexer(upgrade=False):
    conf = service.prepare_service(args=[], default_config_files=[], log_to_std=False)
    idx = indexer.get_driver(conf)
    if upgrade:
        idx.upgrade()
    return idx
