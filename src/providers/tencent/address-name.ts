/**
 * The console name of an address podeip allocates, saying whose it is. Tencent's two pages for
 * AddressName disagree (ModifyAddressAttribute, tencentcloud.com: at most 20 characters;
 * cloud.tencent.com: at most 128, only letters, Chinese characters, digits, "-" and "_"), so the name
 * keeps to both: at most 20 characters of letters, digits, "-" and "_". `/` and spaces become `_`,
 * which Kubernetes names never contain, so `default/game-0` reads back as `default_game-0`.
 */
export const MAX_ADDRESS_NAME_LENGTH = 20;

export function addressNameOf(owner: string): string {
  return owner.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, MAX_ADDRESS_NAME_LENGTH);
}
