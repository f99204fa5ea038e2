-- What the identity provider said about each user at their last sign-in (shown by GET /auth/userinfo).
CREATE TABLE user_profiles (
    user_id    BIGINT  PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT,
    given_name TEXT,
    picture    TEXT,
    updated_at BIGINT  NOT NULL
);
