/** Context flags → deployment config: defaults, partition from region, and refusals of half-given settings. */
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { configFromContext, DEFAULT_REGION, stackName } from '../../infra/config';

const config = (context: Record<string, string>) => configFromContext(new App({ context }));

describe('configFromContext', () => {
  it('defaults to a self-hosted dev stage in the commercial default region', () => {
    expect(config({})).toEqual({ stage: 'dev', region: DEFAULT_REGION, partition: 'aws', search: 'selfhosted', writesPerMinute: '60' });
    expect(stackName(config({ stage: 'prod' }))).toBe('TechMarket-prod');
  });

  it('derives the partition from the region', () => {
    expect(config({ region: 'cn-northwest-1' }).partition).toBe('aws-cn');
    expect(config({ region: 'cn-north-1' }).partition).toBe('aws-cn');
    expect(config({ region: 'eu-central-1' }).partition).toBe('aws');
  });

  it('refuses unknown stages and search modes, and settings given by half', () => {
    expect(() => config({ stage: 'staging' })).toThrow(/stage/);
    expect(() => config({ search: 'elastic' })).toThrow(/search/);
    expect(() => config({ search: 'external' })).toThrow(/meiliUrl/);
    expect(() => config({ search: 'external', meiliUrl: 'not a url' })).toThrow(/not a URL/);
    expect(() => config({ domainName: 'market.example.com' })).toThrow(/certificateArn/);
    expect(() => config({ writesPerMinute: 'lots' })).toThrow(/writesPerMinute/);
  });

  it('keeps the optional settings it is given', () => {
    expect(config({ search: 'external', meiliUrl: 'https://search.example.com', alarmEmail: 'ops@example.com', cityGdpFen: '1', writesPerMinute: '30' })).toMatchObject({
      writesPerMinute: '30',
      search: 'external',
      meiliUrl: 'https://search.example.com',
      alarmEmail: 'ops@example.com',
      cityGdpFen: '1',
    });
  });

  it('mail: the given sender, else noreply@<domainName>, else off; none turns it off; a display name or junk is refused', () => {
    expect(config({}).mailFrom).toBeUndefined();
    expect(config({ mailFrom: 'noreply@mail.example.cn' }).mailFrom).toBe('noreply@mail.example.cn');
    const domain = { domainName: 'market.example.com', certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/abc' };
    expect(config(domain).mailFrom).toBe('noreply@market.example.com');
    expect(config({ ...domain, mailFrom: 'hello@mail.example.com' }).mailFrom).toBe('hello@mail.example.com');
    expect(config({ ...domain, mailFrom: 'none' }).mailFrom).toBeUndefined();
    expect(config({ region: 'cn-northwest-1', mailFrom: 'noreply@mail.example.cn' })).toMatchObject({ partition: 'aws-cn', mailFrom: 'noreply@mail.example.cn' });
    expect(() => config({ mailFrom: '科技大市场 <noreply@mail.example.cn>' })).toThrow(/mailFrom/);
    expect(() => config({ mailFrom: 'mail.example.cn' })).toThrow(/mailFrom/);
  });
});
